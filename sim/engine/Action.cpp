#include "sim/engine/Action.hpp"

#include "sim/hazards/HazardRegistry.hpp"
#include "sim/io/YamlReader.hpp"
#include "sim/world/World.hpp"

#include <algorithm>

namespace hg {

namespace {
struct VerbName {
  Verb v;
  const char* name;
};
const VerbName kVerbs[] = {{Verb::kDispatch, "dispatch"},
                           {Verb::kEvacuate, "evacuate"},
                           {Verb::kWarn, "warn"},
                           {Verb::kCloseRoad, "close_road"},
                           {Verb::kReopenRoad, "reopen_road"},
                           {Verb::kOpenShelter, "open_shelter"},
                           {Verb::kOpenDepot, "open_depot"},
                           {Verb::kDeliverRelief, "deliver_relief"},
                           {Verb::kReport, "report"},
                           {Verb::kRequestSupport, "request_support"},
                           {Verb::kSetLevel, "set_level"},
                           {Verb::kShelterInPlace, "shelter_in_place"}};
/// Capabilities and tasks the engine itself knows; hazard modules add their own (HazardRegistry).
const std::vector<std::string> kCoreCapabilities = {
    "fire_suppression", "hazmat",      "flood_rescue",  "evacuation", "relief_delivery",
    "medical_transport", "mine_rescue", "forest_fire", "search_rescue", "command"};
/// transport_patients is done on a hazard's target: the hazard hands over casualties (Hospitals.hpp).
const std::vector<std::string> kCoreTasks = {"respond", "evacuate", "rescue", "relief", "transport_patients"};
const std::vector<std::string> kReportTo = {"district", "county", "city", "province", "national"};
const std::vector<std::string> kLevels = {"IV", "III", "II", "I", "none"};
const std::vector<std::string> kWarnLevels = {"blue", "yellow", "orange", "red"};

bool in(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}
std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (auto& x : v)
    s += (s.empty() ? "" : "|") + x;
  return s;
}
} // namespace

std::vector<std::string> known_capabilities() {
  std::vector<std::string> v = kCoreCapabilities;
  for (const auto& m : hazard_modules())
    for (const auto& c : m.capabilities)
      if (!in(v, c)) v.push_back(c);
  for (const auto& m : hazard_modules())
    for (const auto& t : m.tasks)
      if (!in(v, t.capability)) v.push_back(t.capability);
  return v;
}

std::vector<std::string> known_tasks() {
  std::vector<std::string> v = kCoreTasks;
  for (const auto& m : hazard_modules())
    for (const auto& t : m.tasks)
      if (!in(v, t.task)) v.push_back(t.task);
  return v;
}

const char* verb_name(Verb v) {
  for (auto& vn : kVerbs)
    if (vn.v == v) return vn.name;
  return "?";
}

bool parse_verb(const std::string& s, Verb& out) {
  for (auto& vn : kVerbs)
    if (s == vn.name) {
      out = vn.v;
      return true;
    }
  return false;
}

const std::vector<std::string>& verb_names() {
  static std::vector<std::string> names = [] {
    std::vector<std::string> n;
    for (auto& vn : kVerbs)
      n.push_back(vn.name);
    return n;
  }();
  return names;
}

nlohmann::json Action::to_json() const {
  nlohmann::json j = args;
  j["do"] = verb_name(verb);
  if (!agency.empty()) j["agency"] = agency;
  if (deadline_s > 0) j["deadline_s"] = deadline_s;
  return j;
}

Action parse_action(const YamlCursor& c, const World* w, const std::set<std::string>* hazard_targets) {
  Action a;
  const std::string verb = c.str("do");
  if (!verb.empty() && !parse_verb(verb, a.verb)) {
    c["do"].error("unknown action \"" + verb + "\" (expected one of " + joined(verb_names()) + ")");
    return a; // its arguments cannot be checked
  }
  a.agency = c.opt_str("agency");
  a.deadline_s = c.opt_num("deadline_min", 0, Range::non_negative()) * 60;
  auto place = [&](const std::string& key, bool required) {
    if (!c.has(key)) {
      if (required) c[key].error("missing required field for '" + verb + "'");
      return;
    }
    std::string id = c.str(key);
    a.args[key] = id;
    if (w && id != "incident" && !w->node_of(id) && !(hazard_targets && hazard_targets->count(id)))
      c[key].error("unknown place \"" + id + "\" (expected a road node, zone, facility, post, \"incident\"" +
                   (hazard_targets ? " or a target of the scenario's hazards)" : ")"));
  };
  auto zones = [&](const std::string& key, const std::vector<std::string>& keywords) {
    auto zs = c.strs(key);
    if (zs.empty()) c[key].error("expected a non-empty list of zone ids");
    for (size_t i = 0; i < zs.size(); ++i)
      if (w && !in(keywords, zs[i]) && !w->zone(zs[i])) c[key].at(i).error("unknown zone \"" + zs[i] + "\"");
    a.args[key] = zs;
  };
  auto facility = [&](const std::string& key, const std::string& kind) {
    std::string id = c.str(key);
    a.args[key] = id;
    if (!w || id.empty()) return;
    const Facility* f = w->facility(id);
    if (!f)
      c[key].error("unknown facility \"" + id + "\"");
    else if (!kind.empty() && f->kind != kind)
      c[key].error("expected a " + kind + " (\"" + id + "\" is a " + f->kind + ")");
  };
  auto allowed = [&](std::vector<std::string> keys) {
    keys.insert(keys.end(), {"do", "agency", "deadline_min", "note", "src"});
    c.only_keys(keys);
  };
  switch (a.verb) {
  case Verb::kDispatch: {
    allowed({"count", "capability", "target", "task", "duration_h", "first_alarm", "outside", "units"});
    a.args["count"] = int(c.num("count", Range::positive()));
    std::string cap = c.str("capability");
    const auto caps = known_capabilities();
    if (!cap.empty() && !in(caps, cap))
      c["capability"].error("unknown capability \"" + cap + "\" (expected one of " + joined(caps) + ")");
    a.args["capability"] = cap;
    place("target", true);
    std::string task = c.opt_str("task", "respond");
    const auto tasks = known_tasks();
    if (!in(tasks, task)) c["task"].error("expected one of " + joined(tasks) + " (got \"" + task + "\")");
    a.args["task"] = task;
    a.args["duration_h"] = c.opt_num("duration_h", 1, Range::positive());
    a.args["first_alarm"] = c.opt_bool("first_alarm", false);
    a.args["outside"] = c.opt_bool("outside", false);
    // A drill team commands only its own units: `units` limits the choice (absent = any unit).
    if (c.has("units")) {
      auto us = c.strs("units");
      for (size_t i = 0; i < us.size(); ++i)
        if (w && !w->unit(us[i])) c["units"].at(i).error("unknown unit \"" + us[i] + "\"");
      a.args["units"] = us;
    }
    break;
  }
  case Verb::kEvacuate:
    allowed({"zones", "shelter"});
    zones("zones", {"all_at_risk"});
    facility("shelter", "shelter");
    break;
  case Verb::kWarn: {
    allowed({"channels", "zones", "level"});
    auto chans = c.strs("channels");
    if (chans.empty()) c["channels"].error("expected a non-empty list of warning channel ids");
    for (size_t i = 0; i < chans.size(); ++i)
      if (w && !w->channel(chans[i]))
        c["channels"].at(i).error("unknown warning channel \"" + chans[i] + "\"");
    a.args["channels"] = chans;
    zones("zones", {"all_at_risk", "all"});
    std::string lvl = c.opt_str("level", "blue");
    if (!in(kWarnLevels, lvl)) c["level"].error("expected one of " + joined(kWarnLevels));
    a.args["level"] = lvl;
    break;
  }
  case Verb::kCloseRoad:
  case Verb::kReopenRoad: {
    allowed({"road"});
    std::string r = c.str("road");
    if (w && !r.empty() && !w->road(r)) c["road"].error("unknown road \"" + r + "\"");
    a.args["road"] = r;
    break;
  }
  case Verb::kOpenShelter:
    allowed({"facility"});
    facility("facility", "shelter");
    break;
  case Verb::kOpenDepot:
    allowed({"facility"});
    facility("facility", "depot");
    break;
  case Verb::kDeliverRelief:
    allowed({"zones", "depot", "kind", "count"});
    zones("zones", {"affected"});
    facility("depot", "depot");
    a.args["kind"] = c.opt_str("kind", "food_water");
    a.args["count"] = int(c.opt_num("count", 2, Range::positive()));
    break;
  case Verb::kReport: {
    allowed({"to"});
    std::string to = c.str("to");
    if (!to.empty() && !in(kReportTo, to) && !(w && w->post(to)))
      c["to"].error("expected a level (" + joined(kReportTo) + ") or a post id (got \"" + to + "\")");
    a.args["to"] = to;
    break;
  }
  case Verb::kRequestSupport: {
    allowed({"capability", "count", "from"});
    std::string cap = c.str("capability");
    if (!cap.empty() && !in(known_capabilities(), cap)) c["capability"].error("unknown capability \"" + cap + "\"");
    a.args["capability"] = cap;
    a.args["count"] = int(c.num("count", Range::positive()));
    a.args["from"] = c.opt_str("from", "province");
    break;
  }
  case Verb::kShelterInPlace:
    allowed({"zones"});
    zones("zones", {"all_at_risk", "all"});
    break;
  case Verb::kSetLevel: {
    allowed({"level"});
    std::string l = c.str("level");
    if (!l.empty() && !in(kLevels, l))
      c["level"].error("expected one of " + joined(kLevels) + " (got \"" + l + "\")");
    a.args["level"] = l;
    break;
  }
  }
  return a;
}

Action parse_action_json(const nlohmann::json& j, const World& world, std::string& error,
                         const std::set<std::string>* hazard_targets) {
  error.clear();
  if (!j.is_object() || !j.contains("do")) {
    error = "an action is an object with \"do\" (one of " + joined(verb_names()) + ")";
    return {};
  }
  // JSON is YAML: parse it with the same checked reader the plan files use.
  Diagnostics diag;
  auto f = YamlFile::parse(j.dump(), "action", diag);
  if (!f) {
    error = "malformed action";
    return {};
  }
  Action a = parse_action(f->root(), &world, hazard_targets);
  for (const auto& d : diag.items())
    if (d.severity == Severity::kError) {
      error = (d.path.empty() ? "" : d.path + ": ") + d.message;
      break;
    }
  return a;
}

} // namespace hg
