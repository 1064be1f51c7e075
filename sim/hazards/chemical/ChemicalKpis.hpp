#pragma once
/// @file
/// @brief The chemical release's own KPIs, computed from a run's log only (scoring lists them beside
/// the engine's): people breathing air above AEGL-2 / AEGL-3, time to the first protective action, the
/// share of people protected before the gas reached their zone, responders whose inhaled dose passed the
/// AEGL-2 load, and the release's duration; with the after-action report's findings and recommendations in
/// Chinese and English.
#include "sim/hazards/ModuleParts.hpp"

#include <vector>

namespace hg::chemical {

/// @brief KPI specs (ids chem_*), each with its compute function.
std::vector<KpiSpec> chemical_kpis();
/// @brief Report texts for those KPIs.
std::vector<KpiText> chemical_kpi_texts();

} // namespace hg::chemical
