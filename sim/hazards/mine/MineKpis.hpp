#pragma once
/// @file
/// @brief The coal-mine KPIs, computed from a run's log only (never from engine memory), and their
/// after-action report texts: miners out alive and dead, the brigade at the mine head (from the
/// accident, and its drive against the 30-minute norm), the first rescue underground, casualties in
/// hospital. Definitions in docs/models/mine.md §7.
#include "sim/hazards/ModuleParts.hpp"

#include <vector>

namespace hg::mine {

/// @brief Every coal-mine KPI (ids start with `mine_`).
std::vector<KpiSpec> mine_kpis();
/// @brief Findings and recommendations (zh/en) for the KPIs that miss their target.
std::vector<KpiText> mine_kpi_texts();

} // namespace hg::mine
