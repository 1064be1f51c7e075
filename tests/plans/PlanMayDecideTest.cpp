// A post skips re-reading its plan on a tick that brought no news (Commander::may_decide). The skip
// must never hide a firing: these cases are derived from the rule itself — the same beliefs give the
// same condition values, and only the clock (t_hours, hours_since_report) or a repeating clause whose
// pause has ended can change a clause's outcome — not from the code's output.
#include "../core/TestSupport.hpp"
#include "sim/plan/PlanExecutor.hpp"
#include "sim/plan/ScenarioSetup.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace {

/// A plan with one clause, written next to the fixtures' world (its ids are the fixture's).
hg::Plan one_clause_plan(const hg::World& world, const std::string& when, double repeat_h) {
  const auto path = std::filesystem::temp_directory_path() / ("hg-may-decide-" + std::to_string(::getpid()) + ".yaml");
  {
    std::ofstream out(path);
    out << "hgdrill: plan/1\nid: p\nname: {zh: 测试, en: Test}\ngeneral: {hazard: flood}\n"
           "organisation: {lead_post: cp_city}\nmeasures:\n  - id: c\n    when: \"" << when << "\"\n"
        << (repeat_h > 0 ? "    repeat_h: " + std::to_string(repeat_h) + "\n" : "")
        << "    actions: [{do: open_shelter, facility: f_shelter}]\n    src: \"estimated: test\"\n";
  }
  hg::Diagnostics d;
  hg::Plan p = hg::load_plan(path.string(), &world, d);
  std::filesystem::remove(path);
  INFO(d.str());
  REQUIRE_FALSE(d.has_errors());
  return p;
}

const hg::World& fixture_world() {
  static hg::Setup setup;
  static bool loaded = hg::load_setup(hgtest::source("tests/plans/fixtures/cond.yaml"), "", false, setup, false);
  REQUIRE(loaded);
  return setup.scenario->world;
}

const hg::LogFn kNoLog = [](const std::string&, std::vector<std::string>, nlohmann::json) {};

} // namespace

TEST_CASE("a plan is re-read on a quiet tick only when the clock or a repeat can change it", "[plans]") {
  const hg::World& w = fixture_world();
  hg::Beliefs b;
  b.incident_known = true;

  SECTION("a repeating clause: skipped until its pause has ended, then read once") {
    hg::Plan plan = one_clause_plan(w, "incident_reported", 1.0);
    hg::PlanExecutor ex(plan, w);
    CHECK(ex.may_decide(0, false)); // never read yet
    CHECK(ex.decide(0, b, kNoLog).size() == 1);
    CHECK_FALSE(ex.may_decide(60, false));  // same beliefs, pause runs to 3600 s
    CHECK(ex.may_decide(60, true));         // news: read again
    CHECK(ex.decide(60, b, kNoLog).empty()); // and indeed nothing fires within the pause
    CHECK_FALSE(ex.may_decide(3599, false));
    CHECK(ex.may_decide(3600, false)); // the pause ends at 0 + 3600 s
    CHECK(ex.decide(3600, b, kNoLog).size() == 1);
    CHECK_FALSE(ex.may_decide(3660, false));
  }
  SECTION("a clause that never fires stays unread without news, and fires once news makes it true") {
    hg::Plan plan = one_clause_plan(w, "response_level >= 2", 0);
    hg::PlanExecutor ex(plan, w);
    CHECK(ex.decide(0, b, kNoLog).empty());
    CHECK_FALSE(ex.may_decide(60, false));
    b.response_level = "III";
    CHECK(ex.may_decide(120, true));
    CHECK(ex.decide(120, b, kNoLog).size() == 1);
  }
  SECTION("a condition on the clock is read at every tick") {
    for (const char* when : {"t_hours >= 5", "hours_since_report >= 1"}) {
      hg::Plan plan = one_clause_plan(w, when, 0);
      hg::PlanExecutor ex(plan, w);
      CHECK(ex.decide(0, b, kNoLog).empty());
      CHECK(ex.may_decide(60, false));
    }
  }
}
