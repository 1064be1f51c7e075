#pragma once
/// @file
/// @brief Everything one after-action report is written from, and the three writers: HTML (one
/// self-contained XHTML-compatible file), Markdown, and scores.json. All three take their numbers
/// from the same Report so they cannot disagree.
#include "scoring/Findings.hpp"
#include "scoring/RunAnalysis.hpp"
#include "scoring/Rubric.hpp"
#include "scoring/Scorecard.hpp"

#include <nlohmann/json.hpp>
#include <string>

namespace hg::score {

struct Report {
  const RunData* run = nullptr;
  const RunAnalysis* analysis = nullptr;
  const Rubric* rubric = nullptr;
  const Scorecard* scores = nullptr;
  const Findings* findings = nullptr;
  std::string lang = "en";
  std::string map_png_base64; ///< RUN_DIR/map.png if present; else the report draws an SVG map
};

/// scores.json (format "scores/1", docs/scoring.md).
nlohmann::json scores_json(const Report& r);
std::string report_html(const Report& r);
std::string report_markdown(const Report& r);

/// Standard base64 (RFC 4648) of raw bytes, for the embedded map picture.
std::string base64(const std::string& bytes);
/// The label of a fixed report text in the report language (headings, column titles).
std::string label(const std::string& key, const std::string& lang);
/// Names as people read them, in the report language: a decision maker ("plan" → 预案), an incident
/// kind (flood → 洪涝灾害), a plan action verb (dispatch → 调派), a clause status (late → 超时).
std::string decider_name(const std::string& by, const std::string& lang);
std::string hazard_kind_name(const std::string& kind, const std::string& lang);
std::string verb_label(const std::string& verb, const std::string& lang);
std::string clause_status_label(const std::string& status, const std::string& lang);
/// Number as printed in scores.json, reused verbatim in the HTML data-* attributes.
std::string json_number(double v);

} // namespace hg::score
