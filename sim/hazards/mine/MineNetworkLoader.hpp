#pragma once
/// @file
/// @brief Reads a mine network file (`hgdrill: mine/1`, or the minimal calculator form with only
/// `branches` and a `boundary` or `fans`) with a YamlCursor: every problem is reported with file, line,
/// column and field, and every number is range-checked.
#include "sim/hazards/mine/MineNetwork.hpp"
#include "sim/io/YamlReader.hpp"

#include <optional>
#include <string>

namespace hg::mine {

/// @brief How strict to be.
struct NetworkLoadOptions {
  bool require_src = false; ///< scenario data: every mapping with a number needs `src`
  bool for_model = false;   ///< the accident model: every branch needs length_m and area_m2
};

/// @brief Parses the document at `root`; errors go to its diagnostics. Usable only without errors.
MineNetwork load_mine_network(const YamlCursor& root, const NetworkLoadOptions& opt);

/// @brief Loads and parses a file; nullopt if it cannot be read or has errors (all in `diag`).
std::optional<MineNetwork> load_mine_network_file(const std::string& path, Diagnostics& diag,
                                                  const NetworkLoadOptions& opt);

} // namespace hg::mine
