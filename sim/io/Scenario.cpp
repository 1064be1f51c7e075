#include "sim/io/Scenario.hpp"

#include "sim/io/WorldLoader.hpp"

#include <filesystem>

namespace hg {

namespace {
const std::vector<std::string> kIncidentKinds = {"hazmat_road", "flood", "forest_fire", "chemical_release",
                                                 "coal_mine"};

double hours(const YamlCursor& c, const std::string& key, Range r = Range::non_negative()) {
  return c.num(key, r) * 3600.0;
}
} // namespace

Scenario load_scenario(const std::string& path, Diagnostics& diag, const DrawOptions& draw) {
  Scenario s;
  s.file = std::filesystem::absolute(path).lexically_normal().string();
  auto f = YamlFile::load(path, diag);
  if (!f || !f->expect_kind("scenario")) return s;
  YamlCursor r = f->root();
  r.only_keys({"hgdrill",   "id",        "name",      "map",        "resources", "comms",        "plan",
               "rubric",    "start",     "duration_h", "seed",      "lead_post", "commanders",   "parameters",
               "incident",  "hazards",   "closures",  "link_failures", "injects", "uncertain", "unavailable_units",
               "src",       "note",      "description"});
  // Uncertain inputs first: a draw is written into the document before any field is read.
  s.uncertain = read_uncertain(r);
  const double seed = r.opt_num("seed", 1, Range::closed(0, 9007199254740992.0));
  s.seed = seed > 0 && seed <= 9007199254740992.0 ? uint64_t(seed) : 0; // an error was reported otherwise
  if (draw.draw && !diag.has_errors()) s.draws = apply_draws(r.node(), s.uncertain, draw.seed.value_or(s.seed));
  s.id = r.id();
  auto [zh, en] = r.names();
  s.name = {zh, en};
  s.world_files.map = resolve_path(path, r.str("map"));
  s.world_files.resources = r.has("resources") ? resolve_path(path, r.str("resources")) : "";
  s.world_files.comms = r.has("comms") ? resolve_path(path, r.str("comms")) : "";
  s.plan_file = r.has("plan") ? resolve_path(path, r.str("plan")) : "";
  s.rubric_file = r.has("rubric") ? resolve_path(path, r.str("rubric")) : "";
  if (!s.rubric_file.empty() && !std::filesystem::exists(s.rubric_file))
    r["rubric"].error("no such file: " + s.rubric_file);
  s.start_label = r.opt_str("start", "");
  s.duration_s = hours(r, "duration_h", Range::positive());
  s.lead_post = r.opt_str("lead_post", "cp_city");
  if (r.has("parameters")) {
    YamlCursor pc = r["parameters"];
    std::vector<std::string> keys = {"src", "note"};
    for (const auto& pi : parameter_table())
      keys.push_back(pi.name);
    pc.only_keys(keys);
    for (const auto& pi : parameter_table())
      if (pc.has(pi.name)) s.params.*pi.field = pc.num(pi.name, Range::closed(pi.lo, pi.hi)) * pi.scale;
    pc.require_src();
  }

  const size_t errors_before = diag.error_count();
  s.world = load_world(s.world_files, diag);
  const bool world_ok = diag.error_count() == errors_before;

  auto node_of = [&](const YamlCursor& c, const std::string& key) -> size_t {
    std::string id = c.str(key);
    if (id.empty() || !world_ok) return 0;
    auto n = s.world.node_of(id);
    if (!n) {
      c[key].error("unknown place \"" + id + "\" (expected a road node, zone, facility or post id)");
      return 0;
    }
    return *n;
  };
  auto post_ref = [&](const YamlCursor& c, const std::string& key) {
    std::string id = c.str(key);
    if (world_ok && !id.empty() && !s.world.post(id)) c[key].error("unknown command post \"" + id + "\"");
    return id;
  };
  if (world_ok && !s.world.post(s.lead_post))
    r["lead_post"].error("unknown command post \"" + s.lead_post + "\"");

  if (r.has("incident")) {
    YamlCursor c = r["incident"];
    c.only_keys({"kind", "zh", "en", "name", "node", "at_h", "reported_to", "report_delay_min",
                 "people_at_risk", "task_duration_h", "src", "note"});
    c.require_src();
    Incident& in = s.incident;
    in.kind = c.str("kind");
    if (!in.kind.empty() &&
        std::find(kIncidentKinds.begin(), kIncidentKinds.end(), in.kind) == kIncidentKinds.end())
      c["kind"].error("unknown incident kind \"" + in.kind + "\"");
    if (c.has("name") || c.has("zh")) {
      auto [izh, ien] = c.names();
      in.name = {izh, ien};
    }
    in.node = node_of(c, "node");
    in.at_s = hours(c, "at_h");
    in.reported_to = post_ref(c, "reported_to");
    in.report_delay_s = c.opt_num("report_delay_min", 5, Range::non_negative()) * 60;
    in.people_at_risk = c.opt_num("people_at_risk", 0, Range::non_negative());
    in.task_duration_s = c.opt_num("task_duration_h", 1, Range::positive()) * 3600;
  } else {
    r["incident"].error("missing required field (expected the incident: kind, node, at_h, reported_to)");
  }

  for (auto& c : r.seq("hazards"))
    s.hazard_specs.push_back(c);

  for (auto& c : r.seq("closures")) {
    c.only_keys({"road", "at_h", "reopen_h", "reason", "src", "note"});
    ScheduledClosure cl;
    cl.road = c.str("road");
    if (world_ok && !cl.road.empty() && !s.world.road(cl.road))
      c["road"].error("unknown road \"" + cl.road + "\"");
    cl.at_s = hours(c, "at_h");
    if (c.has("reopen_h")) {
      cl.reopen_s = hours(c, "reopen_h");
      if (*cl.reopen_s <= cl.at_s)
        c["reopen_h"].error("a road must reopen after it closes (reopen_h > at_h)");
    }
    if (c.has("reason")) {
      auto [rzh, ren] = c["reason"].names();
      cl.reason = {rzh, ren};
    }
    s.closures.push_back(cl);
  }
  for (auto& c : r.seq("link_failures")) {
    c.only_keys({"network", "from_h", "to_h", "src", "note"});
    LinkFailure lf;
    lf.network = c.str("network");
    if (world_ok && !lf.network.empty() && !s.world.network(lf.network))
      c["network"].error("unknown network \"" + lf.network + "\"");
    lf.from_s = hours(c, "from_h");
    lf.to_s = hours(c, "to_h");
    if (lf.to_s <= lf.from_s) c["to_h"].error("a link must recover after it fails (to_h > from_h)");
    s.link_failures.push_back(lf);
  }
  for (auto& c : r.seq("injects")) {
    c.only_keys({"at_h", "kind", "to", "body", "src", "note"});
    Inject in;
    in.at_s = hours(c, "at_h");
    in.kind = c.str("kind");
    in.to = c.opt_str("to");
    if (in.kind == "report")
      post_ref(c, "to");
    else if (in.kind == "hazard") {
      // A hazard inject to an id no hazard of the scenario has would be dropped without a word.
      std::string ids;
      bool known = false;
      const YAML::Node hazards = r.has("hazards") ? r["hazards"].node() : YAML::Node();
      if (hazards.IsSequence())
        for (const auto& h : hazards)
          if (h.IsMap() && h["id"] && h["id"].IsScalar()) {
            known = known || h["id"].as<std::string>() == in.to;
            ids += (ids.empty() ? "" : ", ") + h["id"].as<std::string>();
          }
      if (!known)
        c["to"].error("no hazard of this scenario has the id \"" + in.to + "\"" +
                      (ids.empty() ? " (the scenario has no hazards)" : " (hazards: " + ids + ")"));
    } else if (in.kind != "note")
      c["kind"].error("expected report|hazard|note (got \"" + in.kind + "\")");
    if (c.has("body")) in.body = yaml_to_json(c["body"].node());
    s.injects.push_back(in);
  }
  for (auto& c : r.seq("commanders")) {
    c.only_keys({"post", "kind", "plan", "person", "src", "note"});
    CommanderSpec cs;
    cs.line = c.line();
    cs.post = post_ref(c, "post");
    cs.kind = c.opt_str("kind", c.has("plan") ? "plan" : c.has("person") ? "person" : "");
    if (cs.kind == "plan") {
      if (!c.has("plan")) c["plan"].error("missing required field: the plan file this post plays");
      else cs.plan = resolve_path(path, c.str("plan"));
    } else if (cs.kind == "person") {
      cs.person = c.has("person") ? c.id("person") : cs.post;
    } else if (cs.kind != "none") {
      c["kind"].error("expected plan, person or none (got \"" + cs.kind + "\")");
    }
    for (const auto& other : s.commanders)
      if (other.post == cs.post) c["post"].error("post " + cs.post + " already has a commander (line " +
                                                 std::to_string(other.line) + ")");
    s.commanders.push_back(cs);
  }
  {
    auto ids = r.strs("unavailable_units");
    for (size_t i = 0; i < ids.size(); ++i) {
      if (!world_ok) break;
      auto it = s.world.unit_index.find(ids[i]);
      if (it == s.world.unit_index.end())
        r["unavailable_units"].at(i).error("unknown unit \"" + ids[i] + "\"");
      else
        s.world.units[it->second].available = false;
    }
  }
  if (s.duration_s > 0 && s.incident.at_s > s.duration_s)
    r["incident"]["at_h"].error("incident starts after the end of the scenario (duration_h)");
  return s;
}

} // namespace hg
