#pragma once
/// @file
/// @brief The KPIs hgdrill can compute from an event log: id, bilingual name, unit and which way is
/// better. Rubrics may only name these ids (the loader checks), and reports take names from here.
#include "scoring/KpiValue.hpp"
#include "scoring/Lang.hpp"

#include <string>
#include <vector>

namespace hg::score {

struct KpiInfo {
  std::string id;
  Text name;
  std::string unit;          ///< min | h | s | share | people | count | ha
  bool lower_is_better = true;
  Text definition;           ///< one line; the full formula is in docs/scoring.md
};

/// Every KPI, in report order.
const std::vector<KpiInfo>& kpi_catalog();
/// nullptr if `id` is not a KPI.
const KpiInfo* find_kpi(const std::string& id);

/// A KPI value as every report prints it: "not applicable", "not achieved", or the value in its unit,
/// "at least …" / "至少…" when it is only a lower bound.
std::string kpi_value_text(const KpiValue& v, const std::string& lang);
/// For time KPIs, where the clock started ("from the hazard reaching the zone"), else "".
std::string kpi_clock_text(const KpiValue& v, const std::string& lang);

} // namespace hg::score
