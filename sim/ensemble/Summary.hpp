#pragma once
/// @file
/// @brief summary.json of an ensemble, computed from the replica records in replica order only
/// (never from timing or from which worker ran what), so the same seed and N give the same bytes
/// whatever --jobs or the number of MPI ranks. Holds, per plan: the probability of meeting each
/// rubric target with its Wilson interval, KPI distributions (quantiles and histogram), Spearman
/// sensitivity of KPIs and target failures to each sampled input, bottlenecks; and, with two or
/// more plans, the paired differences to the first plan (docs/formats.md "Ensemble summary").
#include "sim/ensemble/EnsembleSpec.hpp"

#include <nlohmann/json.hpp>

#include <vector>

namespace hg::ensemble {

/// Reads DIR/replicas/<k>.json for k = 0..runs−1 (throws std::runtime_error naming a missing or
/// unreadable record).
std::vector<nlohmann::json> load_records(const std::string& out, std::size_t runs);

/// The summary of `records` (replica order).
nlohmann::json summarise(const EnsembleSpec& spec, const std::vector<nlohmann::json>& records);

/// Draw values as numbers for rank statistics: numbers as they are, booleans 0/1, other values by
/// their index among the sorted distinct values of that input (a two-valued choice becomes 0/1).
std::vector<double> numeric_draws(const std::vector<nlohmann::json>& values);

/// Number of histogram bins for n values (Sturges' rule, ⌈log2 n⌉ + 1, at most 30).
int histogram_bins(std::size_t n);

} // namespace hg::ensemble
