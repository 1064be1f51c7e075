/// @file
/// @brief Every KPI on the hand-made log of ScoringFixture. Expected values are worked out by hand in
/// the comments from the events listed there (seq numbers in brackets).
#include "ScoringFixture.hpp"
#include "scoring/RunAnalysis.hpp"

#include <catch2/catch.hpp>

using hg::score::analyse_run;
using hg::score::load_run;
using hg::score::RunAnalysis;

namespace {
double value(const RunAnalysis& a, const std::string& id) {
  const auto* k = a.kpi(id);
  REQUIRE(k);
  REQUIRE(k->applicable);
  REQUIRE(k->value);
  return *k->value;
}
bool cites(const RunAnalysis& a, const std::string& id, long seq) {
  for (const auto& e : a.kpi(id)->evidence)
    if (e.seq == seq && e.log == "run")
      return true;
  return false;
}
} // namespace

TEST_CASE("reporting times per level and relays", "[scoring][kpi]") {
  hg::test::ScoringFixture f("reports");
  const auto run = load_run(f.run_dir.string());
  const RunAnalysis a = analyse_run(run);
  // county report at t=240 s [3] -> 4 min
  CHECK(value(a, "t_report_county_min") == Approx(4.0));
  CHECK(cites(a, "t_report_county_min", 3));
  CHECK(cites(a, "t_report_county_min", 1)); // incident.started
  // city at 620 s [10] -> 10.333 min; province at 2100 s [25] -> 35 min
  CHECK(value(a, "t_report_city_min") == Approx(620.0 / 60.0));
  CHECK(value(a, "t_report_province_min") == Approx(35.0));
  // relays: city 620-240 = 380 s = 6.333 min; province 2100-620 = 1480 s = 24.667 min
  CHECK(value(a, "relay_city_min") == Approx(380.0 / 60.0));
  CHECK(value(a, "relay_province_min") == Approx(1480.0 / 60.0));
  CHECK(cites(a, "relay_province_min", 25));
}

TEST_CASE("unit arrival times and the first-alarm assignment", "[scoring][kpi]") {
  hg::test::ScoringFixture f("arrivals");
  const RunAnalysis a = analyse_run(load_run(f.run_dir.string()));
  // first unit: u_e1 arrives at 900 s [14] -> 15 min
  CHECK(value(a, "t_first_unit_min") == Approx(15.0));
  CHECK(a.kpi("t_first_unit_min")->subject == "u_e1");
  CHECK(cites(a, "t_first_unit_min", 14));
  // first alarm = {u_e1 [6], u_e2 [7]}; the last of them arrives at 2400 s [26] -> 40 min
  CHECK(value(a, "t_first_alarm_complete_min") == Approx(40.0));
  CHECK(a.kpi("t_first_alarm_complete_min")->subject == "u_e2");
  CHECK(cites(a, "t_first_alarm_complete_min", 26));
  // hazard-specific leftovers are gone: the mine module has its own brigade KPIs
  CHECK(a.kpi("t_first_mine_rescue_min") == nullptr);
}

TEST_CASE("first alarm never complete when a unit never arrives", "[scoring][kpi]") {
  hg::test::ScoringFixture f("fa_missing");
  auto ev = hg::test::ScoringFixture::standard_events();
  // Replace the arrival of u_e2 [26] by a note-free event of another kind.
  ev[26] = R"({"t":2400,"type":"unit.unreachable","actors":["u_e2"],"payload":{"from_node":"n_b","reason":"all routes closed","to_node":"n_inc"}})";
  f.write_events(ev);
  const RunAnalysis a = analyse_run(load_run(f.run_dir.string()));
  const auto* k = a.kpi("t_first_alarm_complete_min");
  CHECK(k->applicable);
  CHECK_FALSE(k->value.has_value());
  CHECK(k->subject == "u_e2");
}

TEST_CASE("warned and evacuated before the hazard", "[scoring][kpi]") {
  hg::test::ScoringFixture f("warned");
  const RunAnalysis a = analyse_run(load_run(f.run_dir.string()));
  // z_north (1000 people): shares 0.6 [17] + 0.6 [18] = 1.2 -> capped at 1, before reach [19].
  // z_south (3000): 0.5 [20] before reach [22]. Warned = (1000*1 + 3000*0.5) / 4000 = 0.625
  CHECK(value(a, "warned_before_share") == Approx(0.625));
  // Evacuated: z_south 1500 [21] before [22]; z_north none. 1500 / 4000 = 0.375
  CHECK(value(a, "evacuated_before_share") == Approx(0.375));
  CHECK(cites(a, "warned_before_share", 17));
  CHECK(cites(a, "evacuated_before_share", 21));
  CHECK(a.kpi("warned_before_share")->subject == "z_south");
}

TEST_CASE("a warning delivered after the hazard does not count", "[scoring][kpi]") {
  hg::test::ScoringFixture f("late_warning");
  auto ev = hg::test::ScoringFixture::standard_events();
  std::swap(ev[19], ev[17]); // z_north reached at seq 17, before both deliveries
  ev[17] = R"({"t":1200,"type":"hazard.reached","actors":["z_north"],"payload":{"hazard":"h1","people":1000}})";
  ev[19] = R"({"t":1500,"type":"warning.delivered","actors":["z_north"],"payload":{"channel":"sms","share":0.6}})";
  f.write_events(ev);
  const RunAnalysis a = analyse_run(load_run(f.run_dir.string()));
  // z_north: only nothing before seq 17 -> 0; z_south 0.5 -> (0 + 1500) / 4000 = 0.375
  CHECK(value(a, "warned_before_share") == Approx(0.375));
}

TEST_CASE("exposure, casualties and lives saved", "[scoring][kpi]") {
  hg::test::ScoringFixture f("casualties");
  const RunAnalysis a = analyse_run(load_run(f.run_dir.string()));
  // people.exposed is no engine event: the chemical module's own KPIs count exposure
  CHECK(a.kpi("exposed_aegl2_people") == nullptr);
  // latest estimate per zone: z_north 2 dead / 8 injured [35], z_south 0 / 3 [36] -> 2 and 11
  CHECK(value(a, "fatalities") == Approx(2));
  CHECK(value(a, "injuries") == Approx(11));
  CHECK(cites(a, "fatalities", 35));
  CHECK_FALSE(cites(a, "fatalities", 30)); // superseded by [35]
  // baseline: latest z_north 30 + z_south 12 = 42 dead -> 42 - 2 = 40 saved
  CHECK(value(a, "lives_saved") == Approx(40));
}

TEST_CASE("no exposure events and no baseline make those KPIs not applicable", "[scoring][kpi]") {
  hg::test::ScoringFixture f("na", /*with_baseline=*/false);
  auto ev = hg::test::ScoringFixture::standard_events();
  for (int i : {27, 28, 29})
    ev[size_t(i)] = R"({"t":3000,"type":"note","actors":[],"payload":{}})";
  f.write_events(ev);
  const RunAnalysis a = analyse_run(load_run(f.run_dir.string()));
  CHECK_FALSE(a.kpi("lives_saved")->applicable);
}

TEST_CASE("hours to basic relief per affected person", "[scoring][kpi]") {
  hg::test::ScoringFixture f("relief");
  const RunAnalysis a = analyse_run(load_run(f.run_dir.string()));
  // z_north reached 1500 s: 600 people at 10800 s [40] -> 2.583 h; 400 (the rest) at 18000 s [41] -> 4.583 h.
  // z_south reached 1800 s: 1000 at 21600 s [42] -> 5.5 h; 2000 never relieved -> (43200-1800)/3600 = 11.5 h.
  // Sorted: 600@2.58, 400@4.58, 1000@5.5, 2000@11.5 (cum 600, 1000, 2000, 4000).
  // p50: 2000 people -> 5.5 h (not a bound); p90: 3600 -> 11.5 h (bound); max 11.5 h (bound).
  CHECK(value(a, "relief_p50_h") == Approx(5.5));
  CHECK_FALSE(a.kpi("relief_p50_h")->lower_bound);
  CHECK(value(a, "relief_p90_h") == Approx(11.5));
  CHECK(a.kpi("relief_p90_h")->lower_bound);
  CHECK(value(a, "relief_max_h") == Approx(11.5));
  CHECK(value(a, "unrelieved_share") == Approx(0.5));
  CHECK(cites(a, "relief_p50_h", 42));
  REQUIRE(a.relief.size() == 2);
  CHECK(a.relief[0].relieved == Approx(1000));
}

TEST_CASE("unit utilisation and idle time", "[scoring][kpi]") {
  hg::test::ScoringFixture f("units");
  const RunAnalysis a = analyse_run(load_run(f.run_dir.string()));
  // duration 43200 s. u_e1: 300 -> returned 5400 = 5100 s. u_e2: 300 -> end 43200 = 42900 s.
  // u_relief: 4000 -> end = 39200 s. Mean utilisation = 87200 / (3 * 43200) = 0.67284
  CHECK(value(a, "unit_utilisation_share") == Approx(87200.0 / 129600.0));
  CHECK(value(a, "units_dispatched_count") == Approx(3));
  REQUIRE(a.units.size() == 3);
  CHECK(a.units[0].unit == "u_e1");
  CHECK(a.units[0].busy_s == Approx(5100));
  CHECK(a.units[0].idle_s == Approx(43200 - 5100));
  // u_e1 spans: travel 300-900, on scene 900-4500, return 4500-5400
  REQUIRE(a.units[0].spans.size() == 3);
  CHECK(a.units[0].spans[1].phase == "on_scene");
  CHECK(a.units[0].spans[1].to_s == Approx(4500));
  CHECK(a.units[1].reroutes.size() == 1);
}

TEST_CASE("plan adherence", "[scoring][kpi]") {
  hg::test::ScoringFixture f("plan");
  const RunAnalysis a = analyse_run(load_run(f.run_dir.string()));
  // c1 on time [8], c2 late [38], c3 fired [31] never done, c4 never fired.
  // on-time share = 1 of 3 fired; late-or-undone = 2; never fired = 1
  CHECK(value(a, "plan_on_time_share") == Approx(1.0 / 3.0));
  CHECK(value(a, "plan_late_count") == Approx(2));
  CHECK(value(a, "plan_never_fired_count") == Approx(1));
  REQUIRE(a.clauses.size() == 4);
  CHECK(a.clauses[2].status == "not_done");
  CHECK(a.clauses[3].status == "never_fired");
}

TEST_CASE("communication delays and losses", "[scoring][kpi]") {
  hg::test::ScoringFixture f("comms");
  const RunAnalysis a = analyse_run(load_run(f.run_dir.string()));
  // delays 20 [9], 100 [24], 4 [33]: mean 124/3; p90 nearest rank ceil(2.7)=3rd of (4,20,100) = 100
  CHECK(value(a, "msg_delay_mean_s") == Approx(124.0 / 3.0));
  CHECK(value(a, "msg_delay_p90_s") == Approx(100));
  // 1 lost [11] of 4 messages
  CHECK(value(a, "msg_lost_share") == Approx(0.25));
  CHECK(value(a, "msg_lost_count") == Approx(1));
  CHECK(a.kpi("msg_lost_share")->subject == "govnet");
}

TEST_CASE("events are attributed to the plan or a team", "[scoring][kpi]") {
  hg::test::ScoringFixture f("attrib");
  const RunAnalysis a = analyse_run(load_run(f.run_dir.string()));
  CHECK(a.decider.at(6) == "plan");       // dispatch carries clause c1
  CHECK(a.decider.at(14) == "plan");      // arrival of a unit the plan dispatched
  CHECK(a.decider.at(16) == "team_red");  // warning issued at cp_county after team_red's decision [15]
  CHECK(a.decider.at(17) == "team_red");  // delivery of that warning
}
