#pragma once
/// @file
/// @brief Inline SVG charts for the after-action report: the unit Gantt time line, KPI values against
/// their targets, people at risk over time, and a map drawn from the world (no display needed).
#include "scoring/RunAnalysis.hpp"
#include "scoring/Scorecard.hpp"

#include <string>

namespace hg::score {

std::string svg_unit_gantt(const RunData& run, const RunAnalysis& a, const std::string& lang);
std::string svg_kpi_bars(const RunAnalysis& a, const Scorecard& sc, const std::string& lang);
std::string svg_people_at_risk(const RunData& run, const RunAnalysis& a, const std::string& lang);
/// District polygons (GeoJSON world.boundaries_file), roads, facilities, the incident and roads closed
/// during the run in red.
std::string svg_map(const RunData& run, const RunAnalysis& a, const std::string& lang);

} // namespace hg::score
