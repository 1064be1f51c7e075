#pragma once
/// @file
/// @brief The KPIs hgdrill can compute from an event log: id, bilingual name, unit and which way is
/// better. Rubrics may only name these ids (the loader checks), and reports take names from here.
#include "scoring/Lang.hpp"

#include <string>
#include <vector>

namespace hg::score {

struct KpiInfo {
  std::string id;
  Text name;
  std::string unit;          ///< min | h | s | share | people | count
  bool lower_is_better = true;
  Text definition;           ///< one line; the full formula is in docs/scoring.md
};

/// Every KPI, in report order.
const std::vector<KpiInfo>& kpi_catalog();
/// nullptr if `id` is not a KPI.
const KpiInfo* find_kpi(const std::string& id);

} // namespace hg::score
