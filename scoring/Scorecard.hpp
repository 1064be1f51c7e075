#pragma once
/// @file
/// @brief Scores (0–100) per KPI, per capability and overall, and the same split by decision maker
/// (the plan or each team). Every score lists the events it rests on.
#include "scoring/RunAnalysis.hpp"
#include "scoring/Rubric.hpp"

#include <optional>
#include <string>
#include <vector>

namespace hg::score {

struct KpiScore {
  std::string kpi;
  std::string capability;       ///< "" if the rubric does not score this KPI
  const RubricKpi* rule = nullptr;
  std::optional<double> score;  ///< nullopt: not applicable or not in the rubric
  double weight = 0;            ///< effective weight in the overall score (capability x KPI share)
  bool met = false;             ///< value at or inside the target
  bool bound = false;           ///< scored 0 because the value is only a lower bound ("at least x")
};

struct CapabilityScore {
  std::string id;
  const Capability* cap = nullptr;
  std::optional<double> score; ///< nullopt: no applicable KPI
  std::vector<Evidence> evidence;
};

struct TeamScore {
  std::string by; ///< "plan" or a team id
  std::optional<double> score;
  std::vector<std::string> kpis; ///< KPIs whose evidence holds events this decision maker caused
  std::vector<Evidence> decisions;
  std::vector<Evidence> evidence;
};

struct Scorecard {
  std::vector<KpiScore> kpis; ///< same order as RunAnalysis::kpis
  std::vector<CapabilityScore> capabilities;
  std::optional<double> overall;
  std::vector<TeamScore> teams;
  const KpiScore* find(const std::string& kpi) const;
};

/// Scores `a` with `rubric`. KPIs that are not applicable drop out and the remaining weights are
/// renormalised; an applicable KPI with no value (never happened) scores 0, and so does a value that is
/// only a lower bound on a lower-is-better KPI (it had not happened by the end of the run).
Scorecard score_analysis(const RunAnalysis& a, const Rubric& rubric, const std::vector<Event>& events);

} // namespace hg::score
