// The viewer's KPI panel prints what scoring formatted (value_text with its unit), the Chinese of a
// bilingual {zh, en} text, and never raw JSON (issue 11). Pure text: no drawing, no display needed.
#include "viz/KpiPanel.hpp"

#include <catch2/catch.hpp>

TEST_CASE("KPI panel texts are formatted values, not raw JSON", "[viz][kpi]") {
  using hg::viz::KpiPanel;
  // scores.json writes names and value_text as {zh, en}; the panel is read in Chinese first.
  CHECK(KpiPanel::format(nlohmann::json{{"zh", "首支力量到场用时"}, {"en", "Time to first unit on scene"}}) ==
        "首支力量到场用时");
  CHECK(KpiPanel::format(nlohmann::json{{"zh", "至少7小时11分"}, {"en", "at least 7 h 11 min"}}) == "至少7小时11分");
  CHECK(KpiPanel::format(nlohmann::json{{"en", "40 min"}}) == "40 min"); // no zh: the English
  CHECK(KpiPanel::format(nlohmann::json()) == "—");
  CHECK(KpiPanel::format(nlohmann::json(76.0)) == "76");
}
