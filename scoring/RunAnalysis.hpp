#pragma once
/// @file
/// @brief What scoring learns from one run's event log and scenario: every KPI value with its
/// evidence, plus the per-unit, per-zone, per-clause and per-network tables the report shows.
#include "scoring/KpiValue.hpp"
#include "scoring/RunData.hpp"

#include <map>
#include <string>
#include <vector>

namespace hg::score {

/// A unit's time line, for utilisation and the Gantt chart.
struct UnitUse {
  struct Span {
    double from_s = 0;
    double to_s = 0;
    std::string phase; ///< travel | on_scene | return
    long seq = 0;      ///< event that opened the span
  };
  std::string unit;
  Text name;
  std::string agency;
  std::string type;
  double busy_s = 0; ///< dispatched → returned (or scenario end)
  double idle_s = 0; ///< duration − busy
  double utilisation = 0;
  std::vector<Span> spans;
  std::vector<Evidence> reroutes;
  std::vector<Evidence> evidence;
};

/// Basic relief of one affected zone.
struct ZoneRelief {
  std::string zone;
  Text name;
  double people = 0;
  double start_s = 0;      ///< when its relief clock started (the rubric's clock; default: hazard arrival, or the evacuation order for zones evacuated but not reached)
  double relieved = 0;     ///< people relieved by the scenario end
  double last_relief_s = -1;
  std::vector<Evidence> evidence;
};

/// Fate of one plan clause.
struct ClauseStatus {
  std::string id;
  Text title; ///< the clause's zh/en title from plan.loaded (id when it has none)
  std::string action;
  std::string section;
  double deadline_s = -1;
  std::string status; ///< on_time | late | not_done | never_fired
  std::vector<Evidence> evidence;
};

struct NetworkStats {
  std::string network;
  long delivered = 0;
  long lost = 0;
  double mean_delay_s = 0;
  double p90_delay_s = 0;
  double max_delay_s = 0;
  std::vector<Evidence> evidence;
};

struct SeriesPoint {
  double t_s = 0;
  double value = 0;
};

struct RunAnalysis {
  std::vector<KpiValue> kpis; ///< every KPI of kpi_catalog(), in its order
  std::vector<UnitUse> units;
  std::vector<ZoneRelief> relief;
  std::vector<ClauseStatus> clauses;
  std::vector<NetworkStats> networks;
  std::vector<SeriesPoint> at_risk; ///< people at risk over time (step function)
  std::map<long, std::string> decider; ///< event seq → "plan" or team id that caused it
  std::vector<std::string> closed_roads; ///< roads closed at some time during the run
  const KpiValue* kpi(const std::string& id) const;
};

/// Computes everything from the log and the scenario only. `clocks`: KPI id → clock start
/// (Rubric::clocks()); time KPIs not named count from the incident start, relief from the hazard
/// reaching each zone.
RunAnalysis analyse_run(const RunData& run, const std::map<std::string, std::string>& clocks = {});

/// Who caused each event: payload.by, else "plan" for events carrying a plan clause, else the
/// decision behind the unit's dispatch or the latest decision at the same post (docs/scoring.md).
std::map<long, std::string> attribute_events(const std::vector<Event>& events);

} // namespace hg::score
