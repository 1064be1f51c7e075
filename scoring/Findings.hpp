#pragma once
/// @file
/// @brief The trainer-facing reading of the scores: strengths, areas for improvement with the reason
/// found in the log (reroutes, closed roads, lost messages, link failures, late warnings), and an
/// improvement plan with a recommendation, a responsible agency and a due date for each area.
#include "scoring/RunAnalysis.hpp"
#include "scoring/Rubric.hpp"
#include "scoring/Scorecard.hpp"

#include <string>
#include <vector>

namespace hg::score {

struct Finding {
  std::string kpi;
  std::string capability;
  double score = 0;
  Text title;    ///< what happened, against the target
  Text analysis; ///< why, citing events as (event #seq)
  std::vector<Evidence> evidence;
};

struct ImprovementItem {
  std::string kpi;
  Text capability;
  Text recommendation;
  Text agency;
  std::string due_date; ///< YYYY-MM-DD: exercise date + 90 days (score < 30) or + 180 days
};

struct Findings {
  std::vector<Finding> strengths;
  std::vector<Finding> improvements; ///< worst first
  std::vector<ImprovementItem> plan;
};

Findings find_findings(const RunData& run, const RunAnalysis& a, const Scorecard& sc, const Rubric& rubric);

/// "YYYY-MM-DD" of an ISO 8601 label plus `days`; "" if the label has no date.
std::string add_days(const std::string& iso_label, int days);

} // namespace hg::score
