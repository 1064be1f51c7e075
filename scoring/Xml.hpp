#pragma once
/// @file
/// @brief Escaping text for the XHTML-compatible report and its inline SVG, so that any name from the
/// scenario (Chinese, quotes, ampersands) keeps the file well-formed.
#include <string>

namespace hg::score {

/// Escapes & < > " ' for element text and attribute values.
std::string xml_escape(const std::string& s);

} // namespace hg::score
