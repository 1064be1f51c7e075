#pragma once
/// @file
/// @brief Every hazard kind the program knows, one HazardModule each, registered in HazardRegistry.cpp
/// with one line per kind. A hazard's kind is spelled only in its own folder and in that line.
#include "sim/hazards/Calculator.hpp"
#include "sim/hazards/Hazard.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace hg {

class YamlCursor;
struct Scenario;

/// @brief What one hazard folder contributes to the program.
struct HazardModule {
  std::string kind; ///< as written in a scenario's `hazards: - kind:`
  /// Builds a hazard from its scenario entry; problems go to the cursor's diagnostics (file, line,
  /// field). Returns nullptr when the entry has errors. `seed` is this hazard's own random stream.
  std::function<std::unique_ptr<Hazard>(const YamlCursor& spec, const Scenario& sc, uint64_t seed)> build;
  /// `hgdrill model ...` calculators.
  std::function<std::vector<Calculator>()> calculators;
};

/// Every registered module, built-in ones first.
const std::vector<HazardModule>& hazard_modules();
/// The module of a kind, nullptr if none.
const HazardModule* hazard_module(const std::string& kind);
/// Adds a module at run time (tests register their own hazards this way). Replaces one of the same kind.
void register_hazard_module(HazardModule m);
/// Every calculator of every module.
std::vector<Calculator> all_calculators();

} // namespace hg
