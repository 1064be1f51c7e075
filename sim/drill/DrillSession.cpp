#include "sim/drill/DrillSession.hpp"

#include "sim/drill/MselScoring.hpp"
#include "sim/engine/Comms.hpp"
#include "sim/engine/Simulation.hpp"
#include "sim/io/AtomicDir.hpp"

#include <openssl/crypto.h>
#include <simgrid/s4u/Actor.hpp>

#include <cmath>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace hg {

namespace fs = std::filesystem;

namespace {

/// Writes a file readable by its owner only (mode 0600), atomically.
void write_private(const std::string& path, const std::string& text) {
  const std::string tmp = path + ".tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0) throw std::runtime_error("cannot write " + tmp);
  ::fchmod(fd, 0600);
  const bool ok = ::write(fd, text.data(), text.size()) == ssize_t(text.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) throw std::runtime_error("cannot write " + path);
}

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

nlohmann::json names(const Names& n) {
  return {{"zh", n.zh}, {"en", n.en}};
}

bool is_finite_number(const nlohmann::json& j) {
  return j.is_number() && std::isfinite(j.get<double>());
}

/// What an MSEL inject carries to a team's post (a report from the field).
nlohmann::json msel_body(const MselInject& m) {
  return {{"about", "inject"},
          {"msel", m.id},
          {"zh", m.text.zh},
          {"en", m.text.en},
          {"attachments", m.attachments}};
}

} // namespace

DrillSession::DrillSession(const std::string& exercise_path, const std::string& dir, bool resume,
                           bool quiet) {
  dir_ = fs::absolute(dir).lexically_normal().string();
  const std::string jpath = dir_ + "/journal.sqlite";
  std::string ex_path = exercise_path;
  if (resume) {
    if (!fs::exists(jpath)) throw std::runtime_error(dir_ + " holds no drill to resume (no journal.sqlite)");
    journal_ = std::make_unique<DrillJournal>(jpath);
    ex_path = journal_->meta("exercise").value_or("");
  } else {
    if (fs::exists(jpath))
      throw std::runtime_error(dir_ + " already holds a drill: resume it with `hgdrill serve --resume " +
                               dir + "`");
    if (ex_path.empty()) throw std::runtime_error("no exercise file given");
    ex_path = fs::absolute(ex_path).lexically_normal().string();
  }
  Diagnostics diag;
  ex_ = load_exercise(ex_path, diag);
  if (diag.has_errors()) throw InputError(diag);
  if (resume) {
    tokens_ = nlohmann::json::parse(read_text(dir_ + "/tokens.json"));
    if (ex_.double_blind()) {
      secret_ = journal_->meta("secret").value_or("");
      draw_ = draw_from_secret(ex_, secret_);
      if (commitment_of(*draw_, secret_) != journal_->meta("commitment").value_or(""))
        throw std::runtime_error(
            "the exercise or its pool changed since the drill started: the draw no longer "
            "matches the commitment");
    }
  } else {
    fs::create_directories(dir_);
    journal_ = std::make_unique<DrillJournal>(jpath);
    start_new(quiet);
  }
  build(quiet);
  if (resume) resume_state();
  LiveOptions lo;
  lo.start_paused = resume || ex_.clock_start == ClockStart::kPaused;
  lo.pace = ex_.pace;
  live_ = std::make_unique<LiveRun>(*sim_, lo, journal_.get());
  status_ = live_->status();
}

DrillSession::~DrillSession() = default;

void DrillSession::start_new(bool) {
  tokens_ = {{"facilitator", random_hex(16)}, {"teams", nlohmann::json::object()}};
  for (const auto& t : ex_.teams)
    tokens_["teams"][t.id] = random_hex(16);
  write_private(dir_ + "/tokens.json", tokens_.dump(2) + "\n");
  journal_->set_meta("exercise", ex_.file);
  journal_->set_meta("kind", ex_.kind);
  if (ex_.double_blind()) {
    secret_ = random_hex(32);
    draw_ = draw_from_secret(ex_, secret_);
    const std::string c = commitment_of(*draw_, secret_);
    // The secret stays in the journal (never served); the commitment is published now.
    journal_->set_meta("secret", secret_);
    journal_->set_meta("commitment", c);
    write_file_atomic(dir_ + "/commitment.txt", "exercise " + ex_.id + "\ncommitment sha256 " + c +
                                                    "\n"
                                                    "verify after the drill with: hgdrill reveal " +
                                                    dir_ + "\n");
  }
}

void DrillSession::build(bool quiet) {
  req_.scenario = draw_ ? draw_->scenario : ex_.scenario;
  if (draw_)
    req_.seed = draw_->seed;
  else if (ex_.seed)
    req_.seed = ex_.seed;
  req_.quiet = quiet;
  req_.no_baseline = false;
  if (!prepare_run(req_, setup_))
    throw std::runtime_error("the scenario " + req_.scenario + " does not load");
  seed_ = sim_options(req_, setup_).seed;
  req_.seed = seed_;
  if (draw_)
    start_epoch_s_ = draw_->start_epoch_s;
  else
    start_epoch_s_ = parse_iso_time(setup_.scenario->start_label).value_or(0);
  // Each team commands its post (replacing a plan there); the other posts keep theirs.
  for (const auto& t : ex_.teams) {
    bool found = false;
    for (auto& c : setup_.commanders)
      if (c.post == t.post) {
        c = {t.post, "person", "", t.id, 0};
        found = true;
      }
    if (!found) setup_.commanders.push_back({t.post, "person", "", t.id, 0});
  }
  // Injects by time are part of the scenario (fired by the engine at their exact time).
  for (const auto& m : ex_.msel) {
    if (!m.at_s) continue;
    for (const auto& to : m.to)
      setup_.scenario->injects.push_back({*m.at_s, "report", ex_.team(to)->post, msel_body(m)});
  }
  Commanders cmds = setup_.make_commanders();
  for (const auto& t : ex_.teams) {
    auto tc = std::make_unique<TeamCommander>(t);
    team_cmd_[t.id] = tc.get();
    journalled_[t.id] = 0;
    cmds[t.post] = std::move(tc);
  }
  sim_ = std::make_unique<Simulation>(*setup_.scenario, sim_options(req_, setup_), std::move(setup_.hazards),
                                      std::move(cmds));
  sim_->log().subscribe([this](const Event& e) { on_event(e); });
  journal_->set_meta("seed", std::to_string(seed_));
}

void DrillSession::resume_state() {
  // Seed + journal: the same inputs at the same simulated times give the same state, event for event.
  double until = 0;
  for (RunInput in : journal_->inputs()) {
    if (in.t_s > sim_->now()) sim_->run_until(in.t_s);
    if (std::string err = sim_->check(in); !err.empty())
      throw std::runtime_error("journal input " + std::to_string(in.seq) + " no longer applies: " + err);
    sim_->apply(in);
    until = std::max(until, in.t_s);
    if (in.kind == InputKind::kInject && in.body.contains("body") && in.body["body"].is_object())
      if (auto id = in.body["body"].value("msel", ""); !id.empty()) msel_submitted_.insert(id);
  }
  for (const auto& d : journal_->deliveries()) {
    nlohmann::json m = d.message;
    m["n"] = inbox_[d.team].size();
    inbox_[d.team].push_back(m);
    ++journalled_[d.team];
    until = std::max(until, d.t_s);
  }
  if (until > sim_->now()) sim_->run_until(until);
}

std::string DrillSession::role_of(const std::string& token) const {
  if (token.empty()) return "";
  auto same = [&](const std::string& t) {
    return t.size() == token.size() && CRYPTO_memcmp(t.data(), token.data(), t.size()) == 0;
  };
  std::string role;
  if (same(tokens_["facilitator"].get<std::string>())) role = "facilitator";
  for (auto it = tokens_["teams"].begin(); it != tokens_["teams"].end(); ++it)
    if (same(it.value().get<std::string>())) role = it.key();
  return role;
}

std::string DrillSession::commitment() const {
  return journal_->meta("commitment").value_or("");
}

void DrillSession::on_event(const Event& e) {
  std::vector<const MselInject*> due;
  {
    std::lock_guard<std::mutex> lock(m_);
    events_.push_back(
        {{"seq", e.seq}, {"t", e.t}, {"type", e.type}, {"actors", e.actors}, {"payload", e.payload}});
    if (e.type.rfind("unit.", 0) == 0 && !e.actors.empty())
      unit_truth_[e.actors[0]] = {{"state", e.type.substr(5)}, {"t", e.t}, {"actors", e.actors}};
    if (e.type == "inject.fired" && e.payload.contains("body") && e.payload["body"].is_object()) {
      const std::string id = e.payload["body"].value("msel", "");
      if (!id.empty() && !msel_fired_.count(id)) msel_fired_[id] = e.t;
    }
    for (const auto& m : ex_.msel)
      if (!m.when_event.empty() && !msel_fired_.count(m.id) && !cond_fired_.count(m.id) &&
          e.type == m.when_event &&
          (m.when_actor.empty() ||
           std::find(e.actors.begin(), e.actors.end(), m.when_actor) != e.actors.end())) {
        cond_fired_.insert(m.id);
        due.push_back(&m);
      }
  }
  // An inject by condition fires inside the engine at the simulated time the condition first held,
  // like one by time: the same seed and inputs give the same log, whatever the wall clock did.
  for (const MselInject* m : due)
    for (const auto& to : m->to) {
      Inject inj{e.t, "report", ex_.team(to)->post, msel_body(*m)};
      simgrid::s4u::Actor::create("msel_inject", sim_->comms().host("field"), [this, inj] {
        sim_->fire_inject(inj);
      })->daemonize();
    }
}

void DrillSession::publish_deliveries() {
  std::vector<Delivery> batch;
  std::map<std::string, std::vector<nlohmann::json>> fresh;
  for (auto& [team, tc] : team_cmd_) {
    auto msgs = tc->delivered_since(journalled_[team]);
    for (auto& m : msgs)
      batch.push_back({0, team, m.value("t_s", 0.0), m});
    fresh[team] = std::move(msgs);
  }
  if (batch.empty()) return;
  journal_->append_deliveries(batch); // durable before any console shows them
  std::lock_guard<std::mutex> lock(m_);
  for (auto& [team, msgs] : fresh)
    for (auto& m : msgs) {
      m["n"] = inbox_[team].size();
      inbox_[team].push_back(std::move(m));
      ++journalled_[team];
    }
}

void DrillSession::after_step(const LiveStatus&) {
  publish_deliveries();
}

bool DrillSession::run(const DrillHooks& hooks) {
  const bool done = live_->run([this](const LiveStatus& st) { after_step(st); });
  publish_deliveries();
  if (done) {
    finish(hooks);
    ended_ = true;
  }
  return done;
}

void DrillSession::stop() {
  live_->stop();
}

nlohmann::json DrillSession::clock_json() const {
  const LiveStatus st = live_->status();
  return {{"t_s", st.t_s},
          {"end_s", st.end_s},
          {"paused", st.paused},
          {"pace", st.pace},
          {"ended", st.ended || ended_},
          {"start", format_iso_time(start_epoch_s_)},
          {"now", format_iso_time(start_epoch_s_ + (long long)st.t_s)},
          {"step_s", ex_.step_s}};
}

nlohmann::json DrillSession::team_view(const std::string& team_id) const {
  const Team& t = *ex_.team(team_id);
  const World& w = sim_->world();
  const PostView pv = team_cmd_.at(team_id)->view();
  auto has_layer = [&](const std::string& l) {
    return std::find(t.layers.begin(), t.layers.end(), l) != t.layers.end();
  };
  nlohmann::json units = nlohmann::json::array();
  std::set<std::string> caps;
  for (const auto& id : t.units) {
    const Unit* u = w.unit(id);
    nlohmann::json j = {{"id", id},
                        {"zh", u->name.zh},
                        {"en", u->name.en},
                        {"capabilities", u->capabilities},
                        {"base", w.facilities[u->base].id}};
    for (const auto& c : u->capabilities)
      caps.insert(c);
    if (auto it = pv.beliefs.units.find(id); it != pv.beliefs.units.end()) {
      j["state"] = unit_state_name(it->second.state);
      j["target"] = it->second.target;
      j["since_t"] = it->second.since_t;
    }
    units.push_back(j);
  }
  const Beliefs& b = pv.beliefs;
  nlohmann::json beliefs = {{"incident_known", b.incident_known},
                            {"incident_kind", b.incident_kind},
                            {"response_level", b.response_level},
                            {"as_of_t", pv.t_s}};
  if (has_layer("observations")) {
    beliefs["observed"] = nlohmann::json::object();
    for (const auto& [k, v] : b.observed)
      beliefs["observed"][k] = {
          {"value", v.value}, {"observed_t", v.observed_t}, {"received_t", v.received_t}};
  }
  if (has_layer("closed_roads")) beliefs["closed_roads"] = b.closed_roads;
  if (has_layer("zones")) {
    beliefs["zones"] = nlohmann::json::object();
    for (const auto& [z, zb] : b.zones)
      beliefs["zones"][z] = {{"warned_share", zb.warned_share},
                             {"evacuation_ordered", zb.evacuation_ordered},
                             {"evacuated", zb.evacuated},
                             {"reached", zb.reached}};
  }
  // What the order form offers: the team's verbs and the places it may name (static map data).
  nlohmann::json zones = nlohmann::json::array(), shelters = nlohmann::json::array(),
                 depots = nlohmann::json::array(), channels = nlohmann::json::array();
  for (const auto& z : w.zones)
    zones.push_back({{"id", z.id}, {"zh", z.name.zh}, {"en", z.name.en}});
  for (const auto& f : w.facilities)
    if (f.kind == "shelter")
      shelters.push_back({{"id", f.id}, {"zh", f.name.zh}, {"en", f.name.en}});
    else if (f.kind == "depot")
      depots.push_back({{"id", f.id}, {"zh", f.name.zh}, {"en", f.name.en}});
  for (const auto& c : w.channels)
    channels.push_back({{"id", c.id}, {"zh", c.name.zh}, {"en", c.name.en}});
  // Map layers the team may see: static geography, and its own post's beliefs and units on it.
  nlohmann::json map = nlohmann::json::object();
  auto ll = [](const LatLon& p) { return nlohmann::json::array({p.lon, p.lat}); };
  if (has_layer("roads")) {
    map["roads"] = nlohmann::json::array();
    for (const auto& r : w.roads)
      map["roads"].push_back({{"id", r.id}, {"a", ll(w.nodes[r.from].pos)}, {"b", ll(w.nodes[r.to].pos)}});
  }
  if (has_layer("zones")) {
    map["zones"] = nlohmann::json::array();
    for (const auto& z : w.zones)
      map["zones"].push_back(
          {{"id", z.id}, {"zh", z.name.zh}, {"en", z.name.en}, {"at", ll(w.nodes[z.node].pos)}});
  }
  if (has_layer("facilities")) {
    map["facilities"] = nlohmann::json::array();
    for (const auto& f : w.facilities)
      if (f.kind != "gauge")
        map["facilities"].push_back(
            {{"id", f.id}, {"kind", f.kind}, {"zh", f.name.zh}, {"en", f.name.en}, {"at", ll(f.pos)}});
  }
  if (has_layer("units"))
    for (auto& u : units) {
      const Unit* unit = w.unit(u["id"].get<std::string>());
      LatLon at = w.facilities[unit->base].pos;
      const std::string tgt = u.value("target", "");
      const std::string st = u.value("state", "");
      if (!tgt.empty() && (st == "on_scene" || st == "en_route"))
        if (auto n = w.node_of(tgt)) at = w.nodes[*n].pos;
      u["at"] = ll(at);
    }
  const Post* post = w.post(t.post);
  nlohmann::json out = {
      {"role", "team"},
      {"team",
       {{"id", t.id},
        {"role", t.role},
        {"zh", t.name.zh},
        {"en", t.name.en},
        {"post", t.post},
        {"post_name", names(post->name)},
        {"actions", t.actions},
        {"channels", t.channels},
        {"layers", t.layers}}},
      {"exercise", {{"id", ex_.id}, {"zh", ex_.name.zh}, {"en", ex_.name.en}, {"kind", ex_.kind}}},
      {"clock", clock_json()},
      {"units", units},
      {"beliefs", beliefs},
      {"map", map},
      {"form",
       {{"capabilities", caps},
        {"zones", zones},
        {"shelters", shelters},
        {"depots", depots},
        {"warning_channels", channels}}},
      {"orders", orders(team_id)}};
  std::lock_guard<std::mutex> lock(m_);
  auto it = inbox_.find(team_id);
  out["inbox"] = it == inbox_.end() ? nlohmann::json::array() : nlohmann::json(it->second);
  return out;
}

nlohmann::json DrillSession::orders(const std::string& team) const {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& in : journal_->inputs())
    if (in.kind == InputKind::kDecision && (team.empty() || in.by == team))
      out.push_back(
          {{"id", in.seq}, {"t_s", in.t_s}, {"team", in.by}, {"post", in.post}, {"action", in.body}});
  return out;
}

nlohmann::json DrillSession::injects() const {
  nlohmann::json msel = nlohmann::json::array(), manual = nlohmann::json::array();
  {
    std::lock_guard<std::mutex> lock(m_);
    for (const auto& m : ex_.msel) {
      nlohmann::json j = {{"id", m.id}, {"to", m.to}, {"zh", m.text.zh}, {"en", m.text.en}};
      if (m.at_s)
        j["at_s"] = *m.at_s;
      else
        j["when"] = {{"event", m.when_event}, {"actor", m.when_actor}};
      if (auto it = msel_fired_.find(m.id); it != msel_fired_.end()) j["fired_t_s"] = it->second;
      nlohmann::json ex = nlohmann::json::array();
      for (const auto& e : m.expect)
        ex.push_back({{"team", e.team},
                      {"do", e.verb},
                      {"within_s", e.within_s},
                      {"points", e.points},
                      {"args", e.args}});
      j["expect"] = ex;
      msel.push_back(j);
    }
  }
  for (const auto& in : journal_->inputs())
    if (in.kind == InputKind::kInject && in.by == "facilitator")
      manual.push_back(
          {{"id", in.seq}, {"t_s", in.t_s}, {"to", in.body.value("to", "")}, {"body", in.body["body"]}});
  return {{"msel", msel}, {"manual", manual}};
}

namespace {

/// Events [since, since + limit) of the log into `out` ("events", "events_total"): the caller holds the lock.
template <class Events>
void add_event_page(nlohmann::json& out, const Events& events, long since, size_t limit) {
  nlohmann::json ev = nlohmann::json::array();
  const size_t from = size_t(std::max(0L, since));
  for (size_t i = from; i < events.size() && i < from + limit; ++i)
    ev.push_back(events[i]);
  out["events"] = ev;
  out["events_total"] = events.size();
}

} // namespace

nlohmann::json DrillSession::facilitator_view(long since, bool events_only) const {
  const Scenario& sc = *setup_.scenario;
  if (events_only) {
    nlohmann::json out = {
        {"role", "facilitator"}, {"clock", clock_json()}, {"scenario", {{"id", sc.id}, {"file", sc.file}}}};
    std::lock_guard<std::mutex> lock(m_);
    add_event_page(out, events_, since, 5000);
    return out;
  }
  nlohmann::json teams = nlohmann::json::array();
  for (const auto& t : ex_.teams) {
    nlohmann::json tv = team_view(t.id);
    teams.push_back({{"id", t.id},
                     {"role", t.role},
                     {"zh", t.name.zh},
                     {"en", t.name.en},
                     {"post", t.post},
                     {"inbox", tv["inbox"]},
                     {"orders", tv["orders"]},
                     {"units", tv["units"]},
                     {"beliefs", tv["beliefs"]}});
  }
  nlohmann::json out = {
      {"role", "facilitator"},
      {"exercise", {{"id", ex_.id}, {"zh", ex_.name.zh}, {"en", ex_.name.en}, {"kind", ex_.kind}}},
      {"clock", clock_json()},
      {"scenario",
       {{"id", sc.id},
        {"zh", sc.name.zh},
        {"en", sc.name.en},
        {"file", sc.file},
        {"seed", seed_},
        {"draws", sc.draws}}},
      {"commitment", commitment()},
      {"teams", teams},
      {"injects", injects()}};
  std::lock_guard<std::mutex> lock(m_);
  add_event_page(out, events_, since, 2000); // a console catches up over a few polls
  out["units_truth"] = unit_truth_;
  out["results"] = results_;
  return out;
}

RunInput DrillSession::wait_applied(RunInput in) {
  if (ended_ || live_->status().ended) throw Refusal(409, "the drill has ended");
  auto f = live_->submit(std::move(in));
  if (f.wait_for(std::chrono::seconds(30)) != std::future_status::ready)
    throw Refusal(503, "the engine did not take the input within 30 s");
  try {
    return f.get();
  } catch (const std::invalid_argument& e) {
    const std::string what = e.what();
    throw Refusal(what.find("ended") != std::string::npos ? 409 : 400, what);
  }
}

nlohmann::json DrillSession::submit_order(const std::string& team_id, const nlohmann::json& action) {
  const Team& t = *ex_.team(team_id);
  if (!action.is_object() || !action.contains("do") || !action["do"].is_string())
    throw Refusal(400, "an order is a JSON object with \"do\": one of your actions");
  const std::string verb = action["do"];
  if (std::find(t.actions.begin(), t.actions.end(), verb) == t.actions.end()) {
    std::string all;
    for (const auto& a : t.actions)
      all += (all.empty() ? "" : ", ") + a;
    throw Refusal(400,
                  "team " + t.id + " may not take the action \"" + verb + "\" (its actions: " + all + ")");
  }
  nlohmann::json body = action;
  if (verb == "dispatch") {
    if (body.contains("units")) {
      if (!body["units"].is_array()) throw Refusal(400, "units: expected a list of your unit ids");
      for (const auto& u : body["units"])
        if (!u.is_string() ||
            std::find(t.units.begin(), t.units.end(), u.get<std::string>()) == t.units.end())
          throw Refusal(400, "units: " + u.dump() + " is not one of team " + t.id + "'s units");
    } else {
      body["units"] = t.units; // a team orders only its own units
    }
    const std::string cap = body.value("capability", "");
    bool any = false;
    for (const auto& u : body["units"])
      if (const Unit* unit = sim_->world().unit(u.get<std::string>())) any = any || unit->can(cap);
    if (!any) throw Refusal(400, "capability: none of team " + t.id + "'s units has \"" + cap + "\"");
  }
  RunInput in;
  in.kind = InputKind::kDecision;
  in.by = t.id;
  in.post = t.post;
  in.body = body;
  RunInput done = wait_applied(in);
  return {{"id", done.seq}, {"t_s", done.t_s}};
}

nlohmann::json DrillSession::submit_clock(const nlohmann::json& body) {
  if (!body.is_object()) throw Refusal(400, "a clock change is a JSON object with \"op\"");
  const std::string op = body.contains("op") && body["op"].is_string() ? body["op"].get<std::string>() : "";
  if (op != "pause" && op != "resume" && op != "step")
    throw Refusal(400, "op: expected pause, resume or step");
  nlohmann::json b = {{"op", op}};
  const LiveStatus st = live_->status();
  if (body.contains("pace")) {
    if (!is_finite_number(body["pace"]) || body["pace"].get<double>() < 0)
      throw Refusal(400, "pace: expected simulated seconds per wall second, >= 0 (0 = as fast as possible)");
    b["pace"] = body["pace"];
  }
  if (op == "step") {
    double to = st.t_s + ex_.step_s;
    if (body.contains("to_s")) {
      if (!is_finite_number(body["to_s"])) throw Refusal(400, "to_s: expected a number of simulated seconds");
      to = body["to_s"];
    }
    if (to <= st.t_s) throw Refusal(400, "to_s: the clock is already at " + std::to_string(st.t_s) + " s");
    b["to_s"] = std::min(to, st.end_s);
  } else if (body.contains("to_s")) {
    throw Refusal(400, "to_s: only a step goes to a time");
  }
  RunInput in;
  in.kind = InputKind::kClock;
  in.by = "facilitator";
  in.body = b;
  RunInput done = wait_applied(in);
  return {{"id", done.seq}, {"t_s", done.t_s}, {"clock", b}};
}

nlohmann::json DrillSession::submit_inject(const nlohmann::json& body) {
  if (!body.is_object()) throw Refusal(400, "an inject is a JSON object with \"to\" and \"zh\"/\"en\" text");
  std::vector<std::string> to;
  Names text;
  nlohmann::json attachments = nlohmann::json::array();
  std::string msel;
  if (body.contains("msel")) {
    if (!body["msel"].is_string()) throw Refusal(400, "msel: expected an inject id of the MSEL");
    msel = body["msel"];
    const MselInject* m = nullptr;
    for (const auto& x : ex_.msel)
      if (x.id == msel) m = &x;
    if (!m) throw Refusal(400, "msel: no inject \"" + msel + "\" in the MSEL");
    to = m->to;
    text = m->text;
    attachments = m->attachments;
    std::lock_guard<std::mutex> lock(m_);
    msel_submitted_.insert(msel);
  } else {
    const nlohmann::json& t = body.contains("to") ? body["to"] : nlohmann::json();
    if (t.is_string() && t == "all") {
      for (const auto& team : ex_.teams)
        to.push_back(team.id);
    } else if (t.is_string()) {
      to.push_back(t);
    } else if (t.is_array()) {
      for (const auto& x : t)
        if (x.is_string())
          to.push_back(x);
        else
          throw Refusal(400, "to: expected team ids");
    } else {
      throw Refusal(400, "to: expected a team id, a list of team ids, or \"all\"");
    }
    for (const char* k : {"zh", "en"})
      if (body.contains(k) && !body[k].is_string()) throw Refusal(400, std::string(k) + ": expected a text");
    text.zh = body.value("zh", "");
    text.en = body.value("en", "");
    if (text.zh.empty() && text.en.empty()) throw Refusal(400, "an inject needs a text in zh or en");
  }
  for (const auto& id : to)
    if (!ex_.team(id)) throw Refusal(400, "to: unknown team \"" + id + "\"");
  nlohmann::json ids = nlohmann::json::array();
  for (const auto& id : to) {
    RunInput in;
    in.kind = InputKind::kInject;
    in.by = "facilitator";
    nlohmann::json inner = {
        {"about", "inject"}, {"zh", text.zh}, {"en", text.en}, {"attachments", attachments}};
    if (!msel.empty()) inner["msel"] = msel;
    in.body = {{"kind", "report"}, {"to", ex_.team(id)->post}, {"body", inner}};
    ids.push_back(wait_applied(in).seq);
  }
  return {{"ids", ids}};
}

void DrillSession::finish(const DrillHooks& hooks) {
  // The drill's run folder (log, report, scores), the MSEL scores, the plan on the same seed, and the
  // comparison. Each step that fails is reported and the others still run.
  nlohmann::json r = nlohmann::json::object();
  const std::string run_dir = dir_ + "/run", plan_dir = dir_ + "/plan";
  try {
    AtomicDir out(run_dir);
    if (int rc = run_baseline(req_, seed_, out.file("baseline")); rc != 0)
      std::cerr << "hgdrill: the no-response baseline failed (exit " << rc << ")\n";
    write_run(*sim_, setup_, req_, out.staging());
    out.commit();
    r["run"] = run_dir;
    if (hooks.score) r["score_summary"] = hooks.score(run_dir, ex_.rubric);
  } catch (const std::exception& e) {
    r["run_error"] = e.what();
    std::cerr << "hgdrill: the drill's run folder: " << e.what() << "\n";
  }
  try {
    std::map<std::string, double> fired;
    {
      std::lock_guard<std::mutex> lock(m_);
      fired = msel_fired_;
    }
    nlohmann::json ms = score_msel(ex_, fired, orders());
    write_file_atomic(dir_ + "/msel-scores.json", ms.dump(2) + "\n");
    write_file_atomic(dir_ + "/msel-scores.md", msel_markdown(ex_, ms));
    r["msel_scores"] = ms;
  } catch (const std::exception& e) {
    r["msel_error"] = e.what();
  }
  // The bundled plan on the same scenario and seed, in a child process (one SimGrid engine each).
  // Everything the child needs is made before fork(): other threads may hold the allocator's lock.
  const std::string exe = self_exe(), seed = std::to_string(seed_);
  const pid_t pid = fork();
  if (pid == 0) {
    execl(exe.c_str(), "hgdrill", "run", req_.scenario.c_str(), "--seed", seed.c_str(), "--out",
          plan_dir.c_str(), "--quiet", static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  if (pid > 0) waitpid(pid, &status, 0);
  if (pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0) {
    r["plan"] = plan_dir;
    if (hooks.compare) {
      try {
        const std::string txt = hooks.compare(run_dir, plan_dir, dir_ + "/compare.html");
        write_file_atomic(dir_ + "/compare.txt", txt);
        r["compare"] = dir_ + "/compare.html";
      } catch (const std::exception& e) {
        r["compare_error"] = e.what();
      }
    }
  } else {
    r["plan_error"] = "the plan run failed";
  }
  write_file_atomic(dir_ + "/results.json", r.dump(2) + "\n");
  std::lock_guard<std::mutex> lock(m_);
  results_ = r;
}

} // namespace hg
