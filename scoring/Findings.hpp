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
  bool scored = true; ///< false: a finding from the log that no KPI scores (a shelter over capacity)
  Text title;    ///< what happened, against the target
  Text analysis; ///< why, citing events as (event #seq)
  std::vector<Evidence> evidence;
};

struct ImprovementItem {
  std::string kpi;
  Text capability;
  Text recommendation;
  Text agency;
  /// Days after the exercise: 90 (score < 30) or 180. The scenario's date is the date of the event
  /// played (songhua-2013 plays 2013), not of the exercise, so the due date is relative.
  int due_days = 180;
  Text due; ///< "演练后90天" / "exercise + 90 days"
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
