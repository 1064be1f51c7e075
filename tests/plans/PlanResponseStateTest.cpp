// Plan conditions on the response state: evacuating(z), evacuated_share(z), unrelieved(z), read from
// what the field reported to the lead post (never the account itself), and a repeating clause that
// stops while its condition does not hold. One SimGrid Engine per process (one TEST_CASE, one run).
//
// fixtures/response.yaml: z_c (1000 people, rural) is warned by sms and ordered out at 1 s (the report
// of the incident reaches cp_city over gov at 1 s). The field reports every 5 % of evacuation progress
// and every change of the relief need to cp_city; relief (one truck, 2000 people a load) follows.
#include "PlanFixtureRun.hpp"
#include "sim/engine/Simulation.hpp"
#include "sim/plan/ScenarioSetup.hpp"

#include <catch2/catch.hpp>

namespace {

using hgtest::run_plan_fixture;

std::vector<hg::Event> fired(const std::vector<hg::Event>& ev, const std::string& clause) {
  std::vector<hg::Event> out;
  for (const auto& e : hgtest::of_type(ev, "plan.clause_fired"))
    if (e.payload.value("clause", "") == clause) out.push_back(e);
  return out;
}

/// Reports about `about` that reached cp_city, in log order.
std::vector<hg::Event> received(const std::vector<hg::Event>& ev, const std::string& about) {
  std::vector<hg::Event> out;
  for (const auto& e : hgtest::of_type(ev, "report.received"))
    if (e.actors[0] == "cp_city" && e.payload.value("about", "") == about) out.push_back(e);
  return out;
}

} // namespace

TEST_CASE("plan conditions read evacuation and relief state from the field's reports", "[plans][conditions]") {
  static const auto ev = run_plan_fixture("response.yaml");

  SECTION("evacuating(z_c) holds from the post's own order until the completion report") {
    auto started = hgtest::of_type(ev, "evacuation.started");
    REQUIRE(started.size() == 1);
    auto f = fired(ev, "r_evacuating");
    REQUIRE(f.size() == 1);
    // The post knows of its own order at once: the clause fires after the order, at the post's next
    // evaluation (at most one 60 s plan tick later), never before.
    CHECK(f[0].seq > started[0].seq);
    CHECK(f[0].t <= started[0].t + 60.0);
  }

  SECTION("evacuated_share(z_c) is the share the field last reported") {
    auto f = fired(ev, "r_quarter");
    REQUIRE(f.size() == 1);
    // The first progress report of 25 % or more reached cp_city before the firing, and none before it did.
    double share_known = 0;
    for (const auto& r : received(ev, "evacuation_progress"))
      if (r.seq < f[0].seq) share_known = std::max(share_known, r.payload["body"]["share"].get<double>());
    CHECK(share_known >= 0.25);
    const auto progress = hgtest::of_type(ev, "evacuation.progress");
    REQUIRE_FALSE(progress.empty());
    double logged_before = 0; // the true share in the log when the post fired
    for (const auto& p : progress)
      if (p.seq < f[0].seq) logged_before = p.payload["share"].get<double>();
    CHECK(logged_before >= share_known - 1e-9);
  }

  SECTION("a repeating relief clause fires only while the field reports people waiting") {
    auto f = fired(ev, "r_relief");
    REQUIRE_FALSE(f.empty());
    auto need = received(ev, "relief_need");
    REQUIRE_FALSE(need.empty());
    for (const auto& e : f) {
      // The need the post last heard of before this firing is at least one person.
      double last = -1;
      for (const auto& n : need)
        if (n.seq < e.seq) last = n.payload["body"]["people"].get<double>();
      INFO("firing at t = " << e.t);
      CHECK(last >= 1.0);
    }
    // Relief reached the evacuees, and the clause did not fire at every 30 min tick of the 4 h run
    // (that would be 8 firings): it stopped while nobody was reported waiting.
    CHECK_FALSE(hgtest::of_type(ev, "relief.delivered").empty());
    CHECK(f.size() < 8);
    bool stopped = false; // some 30-min tick after a firing passed without one because the need was 0
    for (size_t i = 0; i + 1 < f.size() && !stopped; ++i)
      stopped = f[i + 1].t > f[i].t + 1800 + 60;
    if (f.size() > 1) CHECK(stopped);
  }

  SECTION("the population account balances in every zone at the end") {
    for (const auto& a : hgtest::of_type(ev, "population.account")) {
      const auto& p = a.payload;
      INFO(a.actors[0]);
      CHECK(p["present"].get<double>() + p["evacuated"].get<double>() == Approx(p["at_risk"].get<double>()));
      CHECK(p["sheltered"].get<double>() + p["unsheltered"].get<double>() == Approx(p["evacuated"].get<double>()));
      CHECK(p["relieved"].get<double>() <= p["affected"].get<double>() + 1e-6);
    }
  }
}
