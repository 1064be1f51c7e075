// Live and paced runs: a person commanding a district post decides from another thread through the
// one input queue; every input is journalled with its simulated time, and `hgdrill run --journal`
// replays seed + journal to the same byte-identical log. Pacing follows the wall clock (a fake one
// here, so that no test depends on how fast the machine is).
#include "../core/TestSupport.hpp"
#include "sim/engine/LiveRun.hpp"
#include "sim/plan/ScenarioSetup.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

namespace {

const std::string kDrill = "tests/contract/fixtures/drill.yaml";

hg::RunInput input(hg::InputKind kind, const std::string& by, const std::string& post, nlohmann::json body) {
  hg::RunInput in;
  in.kind = kind;
  in.by = by;
  in.post = post;
  in.body = std::move(body);
  return in;
}

/// Advances only when the loop waits: wall time is exactly what the pacing asked for.
struct FakeClock : hg::WallClock {
  double t = 1000;
  double now_s() override { return t; }
  void wait(std::unique_lock<std::mutex>&, std::condition_variable&, double s) override { t += s; }
};

} // namespace

TEST_CASE("a person at a district post decides during the run, and seed + journal replay it byte for byte") {
  hg::Setup setup;
  REQUIRE(hg::load_setup(hgtest::source(kDrill), "", false, setup, false));
  hg::Simulation sim(*setup.scenario, hg::SimOptions{}, std::move(setup.hazards), setup.make_commanders());
  const std::string d = hgtest::temp_dir("journal");
  hg::JournalFile journal(d + "/inputs.jsonl");
  hg::LiveOptions lo;
  lo.start_paused = true;
  hg::LiveRun live(sim, lo, &journal);

  std::vector<hg::RunInput> applied;
  std::vector<std::string> refused;
  std::thread person([&] {
    auto wait_paused_at = [&](double t) {
      while (!(live.status().paused && live.status().t_s >= t))
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    };
    applied.push_back(live.submit(input(hg::InputKind::kClock, "facilitator", "", {{"op", "step"}, {"to_s", 600}})).get());
    wait_paused_at(600);
    // The team at cp_dist sends its rescue unit to c; the city post's plan commander takes no such input.
    applied.push_back(live.submit(input(hg::InputKind::kDecision, "team_d", "cp_dist",
                                        {{"do", "dispatch"}, {"count", 1}, {"capability", "search_rescue"},
                                         {"target", "c"}, {"task", "rescue"}, {"duration_h", 0.5}}))
                          .get());
    for (auto bad : {input(hg::InputKind::kDecision, "team_d", "cp_city", {{"do", "set_level"}, {"level", "I"}}),
                     input(hg::InputKind::kDecision, "team_d", "cp_dist", {{"do", "launch_boats"}}),
                     input(hg::InputKind::kDecision, "team_d", "cp_dist",
                           {{"do", "dispatch"}, {"count", 1}, {"capability", "search_rescue"}, {"target", "mars"}})}) {
      try {
        live.submit(bad).get();
      } catch (const std::invalid_argument& e) {
        refused.push_back(e.what());
      }
    }
    applied.push_back(live.submit(input(hg::InputKind::kInject, "facilitator", "",
                                        {{"kind", "report"}, {"to", "cp_dist"}, {"body", {{"about", "note"}, {"text", "smoke seen"}}}}))
                          .get());
    applied.push_back(live.submit(input(hg::InputKind::kClock, "facilitator", "", {{"op", "resume"}})).get());
  });
  CHECK(live.run());
  person.join();

  // Acknowledged inputs took effect at the simulated time they were accepted, in order.
  REQUIRE(applied.size() == 4);
  CHECK(applied[0].t_s == 0.0);
  for (size_t i = 1; i < 4; ++i)
    CHECK(applied[i].t_s == 600.0);
  for (size_t i = 0; i < 4; ++i)
    CHECK(applied[i].seq == long(i + 1));
  REQUIRE(refused.size() == 3);
  CHECK(refused[0] == "post: cp_city takes no outside decisions (its commander is plan)");
  CHECK(refused[1].find("unknown action \"launch_boats\"") != std::string::npos);
  CHECK(refused[2].find("target: unknown place \"mars\"") != std::string::npos);

  // The district post carried the decision out: the decision is the team's, the unit went.
  const auto& ev = sim.log().events();
  const hg::Event* decision = nullptr;
  for (const auto& e : ev)
    if (e.type == "decision" && e.actors[0] == "cp_dist") decision = &e;
  REQUIRE(decision);
  CHECK(decision->t == 600.0);
  CHECK(decision->payload["by"] == "team_d");
  CHECK(decision->payload["result"]["units"] == nlohmann::json::array({"u_2"}));
  bool dispatched = false;
  for (const auto& e : hgtest::of_type(ev, "unit.dispatched"))
    dispatched = dispatched || (e.actors[0] == "u_2" && e.actors[1] == "cp_dist");
  CHECK(dispatched);
  CHECK(hgtest::of_type(ev, "input.applied").size() == 4);

  // Only accepted inputs are journalled; replaying them on a fresh engine gives the same log.
  auto journalled = hg::JournalFile::read(d + "/inputs.jsonl");
  CHECK(journalled.size() == 4);
  hgtest::write(d + "/live.jsonl", sim.log().to_jsonl());
  auto r = hgtest::hgdrill("run " + hgtest::source(kDrill) + " --journal " + d +
                           "/inputs.jsonl --no-report --no-baseline --quiet --out " + d + "/replay");
  REQUIRE(r.code == 0);
  CHECK(hgtest::read(d + "/replay/events.jsonl") == hgtest::read(d + "/live.jsonl"));
}

TEST_CASE("a journal cut short by a crash keeps every acknowledged input") {
  const std::string d = hgtest::temp_dir("crashjournal");
  {
    hg::JournalFile j(d + "/j.jsonl");
    j.append(input(hg::InputKind::kClock, "f", "", {{"op", "pause"}}));
  }
  // A line being written when the process died has no newline: it was never acknowledged.
  std::ofstream(d + "/j.jsonl", std::ios::app) << "{\"seq\":2,\"t_s\":5,\"kind\":\"deci";
  auto in = hg::JournalFile::read(d + "/j.jsonl");
  REQUIRE(in.size() == 1);
  CHECK(in[0].body["op"] == "pause");
  // A damaged line in the middle is an error naming the line.
  hgtest::write(d + "/bad.jsonl", "{\"kind\":\"clock\",\"body\":{}}\nnot json\n{\"kind\":\"clock\"}\n");
  CHECK_THROWS_WITH(hg::JournalFile::read(d + "/bad.jsonl"), Catch::Contains("bad.jsonl:2: bad journal line"));
}

TEST_CASE("a paced run follows the wall clock at N times real time") {
  hg::Setup setup;
  REQUIRE(hg::load_setup(hgtest::source(kDrill), "", false, setup, false));
  hg::Simulation sim(*setup.scenario, hg::SimOptions{}, std::move(setup.hazards), setup.make_commanders());
  FakeClock clock;
  hg::LiveOptions lo;
  lo.pace = 60; // 2 h of scenario in 120 s of wall time
  hg::LiveRun live(sim, lo, nullptr, &clock);
  const double wall0 = clock.t;
  double worst_ahead = -1e9;
  CHECK(live.run([&](const hg::LiveStatus& st) {
    // The simulation never runs ahead of wall time x pace.
    worst_ahead = std::max(worst_ahead, st.t_s - (clock.t - wall0) * 60);
  }));
  CHECK(worst_ahead <= 1e-6);
  CHECK(clock.t - wall0 == Approx(7200.0 / 60).margin(lo.tick_s));
  CHECK(sim.now() == 7200.0);
}

TEST_CASE("a pause holds simulated time while wall time passes, and a pace change takes effect") {
  hg::Setup setup;
  REQUIRE(hg::load_setup(hgtest::source(kDrill), "", false, setup, false));
  hg::Simulation sim(*setup.scenario, hg::SimOptions{}, std::move(setup.hazards), setup.make_commanders());
  FakeClock clock;
  hg::LiveOptions lo;
  lo.pace = 100;
  hg::LiveRun live(sim, lo, nullptr, &clock);
  // Pause at 1800 s of simulated time, wait 500 s of wall time, resume at pace 1000.
  live.submit(input(hg::InputKind::kClock, "f", "", {{"op", "step"}, {"to_s", 1800}}));
  bool resumed = false;
  double paused_wall = 0;
  live.run([&](const hg::LiveStatus& st) {
    if (st.paused && !resumed) {
      CHECK(st.t_s == 1800.0);
      paused_wall = clock.t;
      clock.t += 500;
      resumed = true;
      live.submit(input(hg::InputKind::kClock, "f", "", {{"op", "resume"}, {"pace", 1000}}));
    }
  });
  REQUIRE(resumed);
  // 1800 s at pace 100 = 18 s; then 5400 s at pace 1000 = 5.4 s after the 500 s pause.
  CHECK(paused_wall - 1000 == Approx(18.0).margin(lo.tick_s));
  CHECK(clock.t - paused_wall == Approx(500 + 5.4).margin(2 * lo.tick_s));
}

TEST_CASE("a paced run on the real clock takes at least duration / pace of wall time") {
  hg::Setup setup;
  REQUIRE(hg::load_setup(hgtest::source(kDrill), "", false, setup, false));
  hg::Simulation sim(*setup.scenario, hg::SimOptions{}, std::move(setup.hazards), setup.make_commanders());
  hg::LiveOptions lo;
  lo.pace = 14400; // 2 h in 0.5 s; only the lower bound is checked, so a slow machine cannot fail it
  hg::LiveRun live(sim, lo);
  const auto t0 = std::chrono::steady_clock::now();
  CHECK(live.run());
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  CHECK(wall >= 0.5 - lo.tick_s);
}
