#include "sim/plan/PlanChecker.hpp"

#include "sim/world/RoadNetwork.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

namespace hg {

namespace {

std::string hm(double s) {
  const int m = int(std::lround(s / 60));
  std::ostringstream o;
  o << m / 60 << " h " << m % 60 << " min";
  return o.str();
}

} // namespace

void check_plan(const Plan& plan, const Scenario& sc, const std::vector<std::unique_ptr<Hazard>>& hazards,
                const std::string& post, Diagnostics& diag) {
  const World& w = sc.world;
  std::vector<std::string> hazard_kinds;
  for (const auto& h : hazards)
    hazard_kinds.push_back(h->kind());
  const std::vector<std::string> core_tasks = {"respond", "evacuate", "rescue", "relief"}; // engine-only tasks
  const ModelParameters& par = sc.params;
  RoadNetwork roads = RoadNetwork::from_world(w);
  auto finding = [&](bool error, const PlanClause& c, const std::string& msg) {
    const std::string path = c.section + "[" + c.id + "]";
    if (error)
      diag.error(plan.file, c.line, 1, path, msg);
    else
      diag.warning(plan.file, c.line, 1, path, msg);
  };
  auto place_node = [&](const std::string& id) -> std::optional<size_t> {
    if (id == "incident") return sc.incident.node;
    if (auto n = w.node_of(id)) return n;
    for (const auto& h : hazards)
      if (std::string site = h->site_of(id); !site.empty()) return w.node_of(site);
    return std::nullopt;
  };
  std::map<std::string, std::vector<std::string>> promised; // capability -> clause ids (one per unit)
  for (const auto& c : plan.clauses) {
    // Conditions that can never fire.
    if (c.when) {
      auto [lo, hi] = c.when->range(&w, sc.duration_s / 3600.0);
      (void)lo;
      if (hi <= 0) finding(true, c, "condition can never be true: \"" + c.when_text + "\"");
      c.when->visit([&](const std::string& name, const std::string&) {
        for (const auto& q : quantity_table())
          if (q.name == name && !q.hazard.empty() &&
              std::find(hazard_kinds.begin(), hazard_kinds.end(), q.hazard) == hazard_kinds.end())
            finding(false, c,
                    "condition reads '" + name + "', which only a " + q.hazard +
                        " hazard produces; this scenario has none, so the clause can never fire here");
      });
    }
    for (const auto& a : c.actions) {
      if (a.verb == Verb::kDispatch) {
        const std::string target = a.args.value("target", "");
        const std::string cap = a.args.value("capability", "");
        const bool outside = a.args.value("outside", false);
        const std::string task = a.args.value("task", "respond");
        // Work on a hazard (sandbag, fireline…) needs a hazard that takes that task on that target.
        if (std::find(core_tasks.begin(), core_tasks.end(), task) == core_tasks.end() &&
            std::none_of(hazards.begin(), hazards.end(),
                         [&](const std::unique_ptr<Hazard>& h) { return h->accepts_work(task, target); }))
          // A world place is a warning (a plan shared by several scenarios names other scenarios' sites);
          // an id that is neither a place nor a hazard target was refused when the plan was read.
          finding(false, c,
                  "no hazard of this scenario takes task '" + task + "' on target \"" + target +
                      "\": units sent there would find nothing to work on" +
                      (hazards.empty() ? " (the scenario has no hazard model)" : ""));
        auto to = place_node(target);
        if (!to) continue;
        // Fastest capable unit: turnout + travel from its base.
        auto times = roads.travel_times_from(uint32_t(*to));
        double best = std::numeric_limits<double>::infinity();
        std::string best_unit;
        int capable = 0;
        for (const Unit& u : w.units) {
          const uint32_t base = uint32_t(w.facilities[u.base].node);
          if (!u.available || !u.can(cap) || (!outside && w.nodes[base].outside)) continue;
          ++capable;
          const double t = u.turnout_s * par.turnout_scale + times[base] / (u.speed_factor * par.road_speed_scale);
          if (t < best) {
            best = t;
            best_unit = u.id;
          }
        }
        if (capable == 0)
          finding(true, c,
                  "no available unit has capability '" + cap + "'" + (outside ? "" : " inside the city"));
        else if (!(best < std::numeric_limits<double>::infinity()))
          finding(true, c,
                  "target \"" + target + "\" cannot be reached by road from any unit with '" + cap + "'");
        else if (a.deadline_s > 0 && best > a.deadline_s)
          finding(true, c,
                  "deadline " + hm(a.deadline_s) + " is impossible: the fastest unit with '" + cap + "' (" +
                      best_unit + ") needs " + hm(best) + " (turnout + travel) to reach \"" + target + "\"");
        for (int i = 0; i < a.args.value("count", 1); ++i)
          promised[cap + (outside ? "+outside" : "")].push_back(c.id);
        if (capable > 0 && a.args.value("count", 1) > capable)
          finding(true, c,
                  "asks for " + std::to_string(a.args.value("count", 1)) + " units with '" + cap +
                      "' but only " + std::to_string(capable) + " exist");
      } else if (a.verb == Verb::kEvacuate) {
        auto shelter = w.facility(a.args.value("shelter", ""));
        if (!shelter) continue;
        auto times = roads.travel_times_from(uint32_t(shelter->node));
        for (const auto& z : a.args["zones"])
          if (const Zone* zone = w.zone(z.get<std::string>()))
            if (!(times[zone->node] < std::numeric_limits<double>::infinity()))
              finding(true, c, "zone " + zone->id + " has no road to shelter " + shelter->id);
      } else if (a.verb == Verb::kDeliverRelief) {
        auto depot = w.facility(a.args.value("depot", ""));
        if (!depot) continue;
        auto times = roads.travel_times_from(uint32_t(depot->node));
        for (const auto& z : a.args["zones"])
          if (const Zone* zone = w.zone(z.get<std::string>()))
            if (!(times[zone->node] < std::numeric_limits<double>::infinity()))
              finding(true, c, "zone " + zone->id + " cannot be reached from depot " + depot->id);
      }
    }
  }
  // Resources promised to two places at once: more units of a capability named across clauses than exist.
  for (const auto& [cap, clauses] : promised) {
    const bool outside = cap.size() > 8 && cap.compare(cap.size() - 8, 8, "+outside") == 0;
    const std::string c0 = outside ? cap.substr(0, cap.size() - 8) : cap;
    int exist = 0;
    for (const Unit& u : w.units)
      if (u.available && u.can(c0) && (outside || !w.nodes[w.facilities[u.base].node].outside)) ++exist;
    std::vector<std::string> distinct = clauses;
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    if (int(clauses.size()) > exist && distinct.size() > 1) {
      std::string names;
      for (auto& d : distinct)
        names += (names.empty() ? "" : ", ") + d;
      const PlanClause* last = plan.clause(distinct.back());
      finding(false, *last,
              "clauses " + names + " together promise " + std::to_string(clauses.size()) + " units with '" +
                  c0 + "' but only " + std::to_string(exist) +
                  " exist: if they fire together, some units are promised to two places at once");
    }
  }
  if (!plan.lead_post.empty() && plan.lead_post != post)
    diag.warning(plan.file, 0, 0, "organisation.lead_post",
                 "plan names lead post " + plan.lead_post + " but it is played at post " + post);
}

} // namespace hg
