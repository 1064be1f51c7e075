#pragma once
/// @file
/// @brief The ensemble report, in Chinese and English labels side by side: probability of meeting
/// each target with its Wilson interval, the paired comparison of plans, what drives failures
/// (Spearman sensitivity), bottlenecks named by the logs, and each KPI's distribution as an SVG
/// histogram. Everything is printed from summary.json, so report and summary cannot disagree.
#include <nlohmann/json.hpp>

#include <string>

namespace hg::ensemble {

/// `names`: {kpi id: {"zh", "en", "unit"}} (ids without an entry are printed as they are).
std::string report_markdown(const nlohmann::json& summary, const nlohmann::json& names);
std::string report_html(const nlohmann::json& summary, const nlohmann::json& names);
/// A few lines for the console: p_meet per target and plan.
std::string console_summary(const nlohmann::json& summary, const nlohmann::json& names);
/// One histogram (bars per plan on shared bins, target as a dashed line) as standalone SVG.
std::string histogram_svg(const nlohmann::json& summary, const std::string& kpi, const nlohmann::json& names);

} // namespace hg::ensemble
