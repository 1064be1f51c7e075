#pragma once
/// @file
/// @brief SimGrid configuration defaults, in one place, injected into argv before the Engine is
/// built: raw contexts (fastest), small stacks (so tens of thousands of actors fit), a network model
/// whose delay is latency + size/bandwidth, and quiet logging.
#include <string>
#include <vector>

namespace hg {

/// argv for simgrid::s4u::Engine: the defaults, then the user's own `--cfg=...` options (which win).
std::vector<std::string> engine_args(const std::vector<std::string>& user_cfg);

} // namespace hg
