#include "sim/drill/Exercise.hpp"

#include "sim/engine/Action.hpp"
#include "sim/io/YamlReader.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace hg {

namespace {

const std::vector<std::string> kChannels = {"report", "observation", "order", "request", "decision"};
const std::vector<std::string> kLayers = {"roads", "zones",        "facilities",
                                          "units", "closed_roads", "observations"};

bool member(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v)
    s += (s.empty() ? "" : ", ") + x;
  return s;
}

Team read_team(const YamlCursor& c) {
  c.only_keys({"id", "role", "zh", "en", "name", "post", "units", "actions", "channels", "layers"});
  Team t;
  t.id = c.id();
  t.role = c.str("role");
  auto n = c.names();
  t.name = {n.first, n.second};
  t.post = c.str("post");
  t.units = c.strs("units");
  t.actions = c.strs("actions");
  t.channels = c.has("channels") ? c.strs("channels") : kChannels;
  t.layers = c.has("layers") ? c.strs("layers") : kLayers;
  bool role_ok = false;
  for (const auto& r : team_roles())
    role_ok = role_ok || r.first == t.role || r.second == t.role;
  if (!role_ok) {
    std::string all;
    for (const auto& r : team_roles())
      all += (all.empty() ? "" : ", ") + r.first + " (" + r.second + ")";
    c["role"].error("unknown role \"" + t.role + "\"; one of " + all);
  }
  if (t.actions.empty()) c.error("actions: a team needs at least one action it may take");
  for (size_t i = 0; i < t.actions.size(); ++i) {
    Verb v;
    if (!parse_verb(t.actions[i], v))
      c["actions"].at(i).error("unknown action \"" + t.actions[i] + "\"; one of " + joined(verb_names()));
  }
  for (size_t i = 0; i < t.channels.size(); ++i)
    if (!member(kChannels, t.channels[i]))
      c["channels"].at(i).error("unknown channel \"" + t.channels[i] + "\"; one of " + joined(kChannels));
  for (size_t i = 0; i < t.layers.size(); ++i)
    if (!member(kLayers, t.layers[i]))
      c["layers"].at(i).error("unknown layer \"" + t.layers[i] + "\"; one of " + joined(kLayers));
  return t;
}

MselInject read_inject(const YamlCursor& c) {
  c.only_keys({"id", "at_h", "when", "to", "zh", "en", "name", "attachments", "expect", "src"});
  MselInject m;
  m.id = c.id();
  m.line = c.line();
  if (c.has("at_h") == c.has("when")) c.error("an inject has either at_h (by time) or when (by condition)");
  if (c.has("at_h")) m.at_s = c.num("at_h", Range::non_negative()) * 3600;
  if (c.has("when")) {
    YamlCursor w = c["when"];
    w.only_keys({"event", "actor"});
    m.when_event = w.str("event");
    m.when_actor = w.opt_str("actor");
  }
  m.to = c.strs("to");
  if (m.to.empty()) c.error("to: an inject goes to at least one team");
  auto n = c.names();
  m.text = {n.first, n.second};
  for (auto& a : c.seq("attachments")) {
    a.only_keys({"name", "text"});
    m.attachments.push_back({{"name", a.str("name")}, {"text", a.str("text")}});
  }
  for (auto& e : c.seq("expect")) {
    ExpectedAction x;
    x.team = e.str("team");
    x.verb = e.str("do");
    x.within_s = e.num("within_h", Range::positive()) * 3600;
    x.points = e.opt_num("points", 1, Range::positive());
    Verb v;
    if (!x.verb.empty() && !parse_verb(x.verb, v))
      e["do"].error("unknown action \"" + x.verb + "\"; one of " + joined(verb_names()));
    if (e.has("args")) {
      if (!e["args"].is_map())
        e["args"].error("expected a mapping of action arguments");
      else
        x.args = yaml_to_json(e["args"].node());
    }
    e.only_keys({"team", "do", "within_h", "points", "args"});
    m.expect.push_back(x);
  }
  return m;
}

/// Team posts, units and dispatchable capabilities must exist in the world of every scenario played.
void check_against(const Exercise& ex, const std::string& scenario, const YamlCursor& root,
                   Diagnostics& diag) {
  Diagnostics sd;
  Scenario sc = load_scenario(scenario, sd);
  if (sd.has_errors()) {
    for (const auto& d : sd.items())
      diag.add(d);
    return;
  }
  const auto teams = root.seq("teams");
  for (size_t i = 0; i < ex.teams.size() && i < teams.size(); ++i) {
    const Team& t = ex.teams[i];
    const YamlCursor& c = teams[i];
    if (!sc.world.post(t.post))
      c["post"].error("unknown post \"" + t.post + "\" in the world of " + scenario);
    for (size_t u = 0; u < t.units.size(); ++u)
      if (!sc.world.unit(t.units[u]))
        c["units"].at(u).error("unknown unit \"" + t.units[u] + "\" in the world of " + scenario);
  }
}

} // namespace

const std::vector<std::pair<std::string, std::string>>& team_roles() {
  static const std::vector<std::pair<std::string, std::string>> r = {
      {"指挥部", "command"},   {"应急局", "emergency_management"},
      {"消防", "fire_rescue"}, {"医疗", "medical"},
      {"交通", "transport"},   {"公安", "police"},
      {"企业", "enterprise"},  {"水利", "water"}};
  return r;
}

const Team* Exercise::team(const std::string& id) const {
  for (const auto& t : teams)
    if (t.id == id) return &t;
  return nullptr;
}

const Team* Exercise::team_at(const std::string& post) const {
  for (const auto& t : teams)
    if (t.post == post) return &t;
  return nullptr;
}

std::optional<long long> parse_iso_time(const std::string& s) {
  int y, mo, d, h, mi, sec = 0, n = 0;
  char rest[16] = {0};
  if (std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d%n", &y, &mo, &d, &h, &mi, &n) != 5) return std::nullopt;
  std::string tail = s.substr(size_t(n));
  if (tail.size() >= 3 && tail[0] == ':') {
    if (std::sscanf(tail.c_str(), ":%2d", &sec) != 1) return std::nullopt;
    tail = tail.substr(3);
  }
  int off_min = 8 * 60; // Hegang time when no offset is written
  if (tail == "Z") {
    off_min = 0;
  } else if (!tail.empty()) {
    int oh, om;
    if (std::sscanf(tail.c_str(), "%1[+-]%2d:%2d", rest, &oh, &om) != 3 || tail.size() != 6)
      return std::nullopt;
    off_min = (rest[0] == '-' ? -1 : 1) * (oh * 60 + om);
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59) return std::nullopt;
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = sec;
  return (long long)timegm(&tm) - off_min * 60LL;
}

std::string format_iso_time(long long epoch_s) {
  std::time_t t = std::time_t(epoch_s + 8 * 3600);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[40];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S+08:00", &tm);
  return buf;
}

Exercise load_exercise(const std::string& path, Diagnostics& diag) {
  Exercise ex;
  ex.file = path;
  auto f = YamlFile::load(path, diag);
  if (!f || !f->expect_kind("exercise")) return ex;
  YamlCursor r = f->root();
  r.only_keys({"hgdrill", "id", "name", "zh", "en", "kind", "scenario", "seed", "pool", "window", "rubric",
               "clock", "teams", "msel", "src"});
  ex.id = r.id();
  auto n = r.names();
  ex.name = {n.first, n.second};
  ex.kind = r.str("kind");
  if (ex.kind != "tabletop" && ex.kind != "double_blind")
    r["kind"].error("expected tabletop (桌面推演) or double_blind (双盲演练), got \"" + ex.kind + "\"");
  if (ex.kind == "tabletop") {
    ex.scenario = resolve_path(path, r.str("scenario"));
    if (r.has("seed")) ex.seed = uint64_t(r.num("seed", Range::non_negative()));
    if (r.has("pool"))
      r["pool"].error("a tabletop exercise names one scenario; a pool is for kind: double_blind");
  } else if (ex.kind == "double_blind") {
    if (r.has("scenario")) r["scenario"].error("a double-blind exercise draws its scenario from pool:");
    if (r.has("seed")) r["seed"].error("a double-blind exercise draws its seed in secret at start");
    for (auto& p : r.seq("pool", true)) {
      p.only_keys({"scenario", "weight", "src"});
      ex.pool.push_back({resolve_path(path, p.str("scenario")), p.opt_num("weight", 1, Range::positive())});
    }
    if (ex.pool.size() < 2) r["pool"].error("a double-blind pool holds at least two scenario templates");
    YamlCursor w = r["window"];
    w.only_keys({"from", "to"});
    ex.window_from = w.str("from");
    ex.window_to = w.str("to");
    auto a = parse_iso_time(ex.window_from), b = parse_iso_time(ex.window_to);
    if (!a) w["from"].error("expected a time like 2026-06-01T00:00:00+08:00");
    if (!b) w["to"].error("expected a time like 2026-09-30T23:59:00+08:00");
    if (a && b && *b <= *a) w["to"].error("the window ends before it starts");
  }
  if (r.has("rubric")) ex.rubric = resolve_path(path, r.str("rubric"));
  if (r.has("clock")) {
    YamlCursor c = r["clock"];
    c.only_keys({"start", "pace", "step_min", "src"});
    const std::string s = c.opt_str("start", "paused");
    if (s == "running")
      ex.clock_start = ClockStart::kRunning;
    else if (s != "paused")
      c["start"].error("expected paused or running, got \"" + s + "\"");
    ex.pace = c.opt_num("pace", ex.pace, Range::positive());
    ex.step_s = c.opt_num("step_min", ex.step_s / 60, Range::positive()) * 60;
  }
  for (auto& t : r.seq("teams", true)) {
    Team team = read_team(t);
    if (ex.team(team.id)) t["id"].error("team \"" + team.id + "\" is defined twice");
    for (const auto& o : ex.teams)
      if (o.post == team.post) t["post"].error("post " + team.post + " is already commanded by team " + o.id);
    ex.teams.push_back(std::move(team));
  }
  for (auto& m : r.seq("msel")) {
    MselInject inj = read_inject(m);
    for (const auto& o : ex.msel)
      if (o.id == inj.id) m["id"].error("inject \"" + inj.id + "\" is defined twice");
    for (size_t i = 0; i < inj.to.size(); ++i)
      if (!ex.team(inj.to[i])) m["to"].at(i).error("unknown team \"" + inj.to[i] + "\"");
    const auto exp = m.seq("expect");
    for (size_t i = 0; i < inj.expect.size() && i < exp.size(); ++i) {
      const Team* t = ex.team(inj.expect[i].team);
      if (!t)
        exp[i]["team"].error("unknown team \"" + inj.expect[i].team + "\"");
      else if (!inj.expect[i].verb.empty() && !member(t->actions, inj.expect[i].verb))
        exp[i]["do"].error("team " + t->id + " may not take the action " + inj.expect[i].verb +
                           " (its actions: " + joined(t->actions) + ")");
    }
    ex.msel.push_back(std::move(inj));
  }
  if (diag.has_errors()) return ex;
  if (ex.double_blind())
    for (const auto& p : ex.pool)
      check_against(ex, p.scenario, r, diag);
  else
    check_against(ex, ex.scenario, r, diag);
  return ex;
}

} // namespace hg
