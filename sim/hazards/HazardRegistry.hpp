#pragma once
/// @file
/// @brief Every hazard kind the program knows, one HazardModule each, registered in HazardRegistry.cpp
/// with one line per kind. A hazard's kind is spelled only in its own folder, its viewer overlay, its
/// docs and that line; tests add their own modules at run time.
#include "sim/hazards/Calculator.hpp"
#include "sim/hazards/Hazard.hpp"
#include "sim/hazards/ModuleParts.hpp"
#include "sim/io/EventTypes.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace hg {

class YamlCursor;
class Diagnostics;
struct Scenario;

/// @brief What one hazard folder contributes to the program.
struct HazardModule {
  std::string kind; ///< as written in a scenario's `hazards: - kind:`
  std::string zh, en;
  /// Builds a hazard from its scenario entry; problems go to the cursor's diagnostics (file, line,
  /// field). Returns nullptr when the entry has errors. `seed` is this hazard's own random stream.
  std::function<std::unique_ptr<Hazard>(const YamlCursor& spec, const Scenario& sc, uint64_t seed)> build;
  std::vector<EventType> events;         ///< its own event types (prefix: kind + ".")
  std::vector<QuantitySpec> quantities;  ///< plan-condition quantities
  std::vector<TaskSpec> tasks;           ///< work units can do on it
  std::vector<std::string> capabilities; ///< unit capabilities it introduces
  std::vector<KpiSpec> kpis;             ///< its own KPIs
  std::vector<KpiText> texts;            ///< report findings and recommendations for its KPIs
  /// `hgdrill model ...` calculators.
  std::function<std::vector<Calculator>()> calculators;
};

/// Every registered module, built-in ones first.
const std::vector<HazardModule>& hazard_modules();
/// The module of a kind, nullptr if none.
const HazardModule* hazard_module(const std::string& kind);
/// Adds a module at run time (tests register their own hazards this way). Replaces one of the same kind.
void register_hazard_module(HazardModule m);
/// Changes whenever a module is registered (caches of derived tables compare it).
size_t hazard_registry_generation();
/// Registered kinds, in registration order.
std::vector<std::string> hazard_kinds();
/// Builds every hazard the scenario lists (`hazards:`) with its module; problems go to `diag`.
/// Hazard i draws from its own stream (seed, i), so adding a hazard does not change the others.
std::vector<std::unique_ptr<Hazard>> make_hazards(const Scenario& sc, uint64_t seed, Diagnostics& diag);
/// Every calculator of every module.
std::vector<Calculator> all_calculators();

} // namespace hg
