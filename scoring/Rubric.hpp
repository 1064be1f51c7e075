#pragma once
/// @file
/// @brief A scoring rubric (rubric/1, docs/scoring.md): capabilities with objectives and weights,
/// each holding KPIs with a target, a fail value, a curve, a weight and the source of the target.
#include "scoring/Lang.hpp"
#include "scoring/ScoringCurve.hpp"
#include "sim/io/Diagnostics.hpp"

#include <map>
#include <string>
#include <vector>

namespace hg::score {

struct RubricKpi {
  std::string kpi; ///< id from kpi_catalog()
  ScoringCurve curve;
  double weight = 1; ///< relative to the other KPIs of the capability; 0 = reported, not scored
  std::string src;   ///< where the target comes from
  /// Time KPIs (unit min or h): the event their clock starts at (kpi_clocks()); "" = incident_start.
  std::string clock;
};

struct Capability {
  std::string id;
  Text name;
  Text objective;
  Text agency; ///< responsible agency for the improvement plan
  double weight = 0; ///< share of the overall score; capability weights add up to 1
  std::vector<RubricKpi> kpis;
};

struct Rubric {
  std::string file;
  std::string id;
  Text name;
  std::string hazard;
  std::vector<Capability> capabilities;
  /// The rubric entry for a KPI, or nullptr (then the KPI is reported without a score).
  const RubricKpi* find(const std::string& kpi, const Capability** cap = nullptr) const;
  /// KPI id → clock start, for every entry that names one (what analyse_run reads).
  std::map<std::string, std::string> clocks() const;
};

/// The clock starts a time KPI may name in a rubric (docs/scoring.md, "Clocks"), with their
/// bilingual descriptions for the report.
struct ClockInfo {
  std::string id;
  Text name;
};
const std::vector<ClockInfo>& kpi_clocks();
/// nullptr if `id` is not a clock start.
const ClockInfo* find_clock(const std::string& id);

/// Loads and checks a rubric file; every problem (unknown KPI ids, bad weights or curves, missing
/// src) goes to `diag` as FILE:LINE:COL: error: FIELD: message.
Rubric load_rubric(const std::string& path, Diagnostics& diag);
/// Same from text (tests); `name` appears in messages.
Rubric parse_rubric(const std::string& text, const std::string& name, Diagnostics& diag);

} // namespace hg::score
