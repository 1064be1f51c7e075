#pragma once
/// @file
/// @brief Reads a `kind: forest_fire` entry of a scenario's `hazards:` list into a FireConfig, checking
/// every id against the world and every number's range, with file:line:col errors (docs/formats.md).
#include "sim/hazards/fire/FireConfig.hpp"
#include "sim/io/Scenario.hpp"
#include "sim/io/YamlReader.hpp"

namespace hg::fire {

/// @brief Parses one fire hazard. Errors go to the cursor's diagnostics; the result is usable only if
/// there were none. The rasters are not opened here (FireModel does, see FireModule.cpp).
FireConfig load_fire_config(const YamlCursor& c, const Scenario& sc);

/// @brief Month, clock hour and UTC offset of an ISO 8601 start label ("2024-04-28T10:30:00+08:00");
/// false if the label does not parse.
bool parse_start_label(const std::string& label, int& month, double& hour, double& utc_offset_h);

} // namespace hg::fire
