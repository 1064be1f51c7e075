#pragma once
/// @file
/// @brief The drill consoles, held in the program (nothing to install): one HTML page each, with
/// their script, in Chinese and English. They only call the JSON API; every rule (who sees what,
/// who may do what) is enforced by the server, never by the page.
#include <string>

namespace hg {

const std::string& index_page();
const std::string& team_console_page();
const std::string& facilitator_console_page();

} // namespace hg
