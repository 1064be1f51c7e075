#pragma once
/// @file
/// @brief Side-by-side comparison of two scored runs (plan vs team, plan A vs plan B): KPI values,
/// scores and differences, with warnings when the runs are not comparable (other seed or scenario).
#include "scoring/RunScorer.hpp"

#include <string>
#include <vector>

namespace hg::score {

/// Reasons the comparison may be unfair (different seeds, scenarios or rubrics); empty if none.
std::vector<std::string> comparison_warnings(const ScoredRun& a, const ScoredRun& b, const std::string& lang);
/// Plain-text table for the console.
std::string compare_text(const ScoredRun& a, const ScoredRun& b, const std::string& lang);
/// One self-contained XHTML-compatible page.
std::string compare_html(const ScoredRun& a, const ScoredRun& b, const std::string& lang);

} // namespace hg::score
