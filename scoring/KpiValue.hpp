#pragma once
/// @file
/// @brief One computed KPI: its value (or why there is none) and the events it was computed from.
#include "scoring/Evidence.hpp"
#include "scoring/Lang.hpp"

#include <optional>
#include <string>
#include <vector>

namespace hg::score {

struct KpiValue {
  std::string id;
  /// nullopt while applicable: the thing never happened in the run (e.g. never reported); scores 0.
  std::optional<double> value;
  /// false: the run holds nothing this KPI applies to (no chemical hazard, no plan, ...); not scored.
  bool applicable = true;
  /// true: the value is a lower bound (people never relieved are counted at the scenario end).
  bool lower_bound = false;
  std::string clock;   ///< time KPIs: the clock start it was counted from (kpi_clocks() id)
  std::string subject; ///< the unit, zone, post or network the value is about (used to explain it)
  Text note;           ///< short explanation shown next to the value
  std::vector<Evidence> evidence;
};

} // namespace hg::score
