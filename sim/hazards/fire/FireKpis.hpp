#pragma once
/// @file
/// @brief The forest fire's own KPIs, computed from a run's log only (first attack, area at
/// containment, crews at risk or entrapped, threatened settlements evacuated before the fire), and the
/// report texts for when they miss their targets. Every KPI is "not applicable" in a run without a fire.
#include "sim/hazards/ModuleParts.hpp"

#include <vector>

namespace hg::fire {

std::vector<KpiSpec> fire_kpis();
std::vector<KpiText> fire_kpi_texts();

} // namespace hg::fire
