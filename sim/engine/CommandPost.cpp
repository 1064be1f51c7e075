#include "sim/engine/CommandPost.hpp"

#include "sim/engine/Comms.hpp"
#include "sim/engine/Simulation.hpp"
#include "sim/engine/Population.hpp"

#include <simgrid/Exception.hpp>
#include <simgrid/s4u.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace sg4 = simgrid::s4u;

namespace hg {

namespace {

class PostRunner {
public:
  PostRunner(Simulation& sim, size_t index)
      : sim_(sim), p_(sim.world().posts[index]), lead_(p_.id == sim.scenario().lead_post),
        belief_roads_(RoadNetwork::from_world(sim.world())) {
    for (const Unit& u : sim_.world().units) {
      UnitBelief b;
      b.state = u.available ? UnitState::kIdle : UnitState::kOutOfService;
      beliefs_.units[u.id] = b;
    }
    for (const Unit& u : sim_.world().units) // std::map nodes stay put: one lookup per unit, here
      unit_beliefs_.push_back(&beliefs_.units[u.id]);
  }

  void run() {
    cmd_ = sim_.commander(p_.id);
    Commander* cmd = cmd_;
    log_ = [this](const std::string& type, std::vector<std::string> actors, nlohmann::json payload) {
      if (actors.empty() || actors.front() != p_.id) actors.insert(actors.begin(), p_.id);
      sim_.emit(type, std::move(actors), std::move(payload));
    };
    if (cmd) cmd->start(log_);
    // A post without a commander (every post of a no-response run) only relays and answers: it
    // waits for mail and never ticks, since a tick would find nothing to do.
    const double tick_s = cmd ? sim_.params().post_tick_s : -1;
    while (true) {
      sim_.comms().wait_for_mail(p_.id, tick_s);
      while (auto m = sim_.comms().take(p_.id)) {
        if (cmd) cmd->received(*m, sg4::Engine::get_clock());
        receive(*m);
      }
      if (cmd) retry_unfilled();
      // Decisions change beliefs (e.g. the response level), which can fire further clauses at once:
      // re-read the plan until nothing more fires. A tick that brought no news is skipped when the
      // commander says nothing it reads has changed.
      for (int round = 0; cmd && round < 16; ++round) {
        if (!cmd->may_decide(sg4::Engine::get_clock(), beliefs_changed_)) break;
        beliefs_changed_ = false;
        auto decisions = cmd->decide(sg4::Engine::get_clock(), beliefs_, log_);
        if (decisions.empty()) break;
        for (Decision& d : decisions)
          execute(d);
      }
    }
  }

private:
  void receive(const Message& m) {
    const double now = sg4::Engine::get_clock();
    beliefs_changed_ = true;
    if (m.kind == MessageKind::kDecision) { // a person's decision (checked when it was accepted)
      std::string err;
      Decision d{parse_action_json(m.body, sim_.world(), err), "", m.from, now};
      if (err.empty()) execute(d);
      return;
    }
    const std::string about = m.body.value("about", "");
    if (m.kind == MessageKind::kObservation) {
      const std::string key = m.body.value("quantity", "") + "/" + m.body.value("subject", "");
      beliefs_.observed[key] = {m.body.value("value", 0.0), m.observed_t, now};
      if (m.body.value("quantity", "") == "zone_at_risk") beliefs_.zones[m.body.value("subject", "")];
      // Readings reach the lead post through the reporting chain (e.g. district flood office -> city).
      if (!lead_ && !p_.parent.empty()) {
        Message up = m;
        up.id.clear();
        up.from = p_.id;
        up.to = p_.parent;
        sim_.send(up);
      }
      return; // observations are frequent; message.delivered already logs them
    }
    if (m.kind == MessageKind::kRequest) {
      sim_.emit("report.received", {p_.id, m.from},
                {{"about", "support_request"}, {"level", p_.level}, {"observed_t", m.observed_t}});
      answer_support_request(m);
      return;
    }
    sim_.emit("report.received", {p_.id, m.from},
              {{"about", about}, {"level", p_.level}, {"observed_t", m.observed_t}, {"body", m.body}});
    if (about == "incident") {
      if (!beliefs_.incident_known) {
        beliefs_.incident_known = true;
        beliefs_.first_report_t = now;
        beliefs_.incident_kind = m.body.value("kind", "");
        // Standing procedure: pass the first report up (the lead post reports by its plan).
        if (!lead_ && !p_.parent.empty()) relay(m);
      }
    } else if (about == "unit_status") {
      const std::string unit = m.body.value("unit", "");
      UnitBelief& b = beliefs_.units[unit];
      const std::string st = m.body.value("state", "");
      ++belief_gen_;
      b.since_t = now;
      if (st == "on_scene") {
        b.state = UnitState::kOnScene;
        unit_arrived(m.body.value("decision", ""), unit, now);
      } else if (st == "idle")
        b.state = UnitState::kIdle;
      else if (st == "task_done")
        b.state = UnitState::kReturning;
      else if (st == "unreachable")
        b.state = UnitState::kUnreachable;
      else if (st == "out_of_service")
        b.state = UnitState::kOutOfService;
    } else if (about == "road_closed" || about == "road_reopened") {
      const std::string road = m.body.value("road", "");
      const bool closed = about == "road_closed";
      if (closed)
        beliefs_.closed_roads.insert(road);
      else
        beliefs_.closed_roads.erase(road);
      if (auto it = sim_.world().road_index.find(road); it != sim_.world().road_index.end()) {
        belief_roads_.set_closed(uint32_t(it->second), closed);
        travel_times_.clear(); // the kept trees were grown on the old closures
        ++belief_gen_;
      }
    } else if (about == "zone_reached") {
      beliefs_.zones[m.body.value("zone", "")].reached = true;
    } else if (about == "evacuation_completed") {
      const std::string zone = m.body.value("zone", "");
      beliefs_.zones[zone].evacuated = true;
      if (m.body.contains("share")) beliefs_.zones[zone].evacuated_share = m.body.value("share", 0.0);
      action_progress("evacuate:" + zone, now);
    } else if (about == "facility_lost" || about == "facility_restored") {
      if (about == "facility_lost")
        beliefs_.lost_facilities.insert(m.body.value("facility", ""));
      else
        beliefs_.lost_facilities.erase(m.body.value("facility", ""));
    } else if (about == "relief_delivered") {
      beliefs_.zones[m.body.value("zone", "")].relieved_people += m.body.value("people", 0.0);
    } else if (about == "evacuation_progress") {
      beliefs_.zones[m.body.value("zone", "")].evacuated_share = m.body.value("share", 0.0);
    } else if (about == "relief_need") {
      beliefs_.zones[m.body.value("zone", "")].relief_need = m.body.value("people", 0.0);
    }
  }

  void relay(const Message& m) {
    const double delay = p_.relay_delay_s;
    Message up = m;
    up.id.clear();
    up.from = p_.id;
    up.to = p_.parent;
    sg4::Actor::create("relay_" + p_.id, sim_.comms().host(p_.id), [this, up, delay] {
      sg4::this_actor::sleep_for(delay);
      sim_.send(up);
    })->daemonize();
  }

  /// Province/national posts: send outside units that have the capability.
  void answer_support_request(const Message& m) {
    const std::string cap = m.body.value("capability", "");
    int count = m.body.value("count", 1);
    const World& w = sim_.world();
    const auto target_node = m.body.value("target_node", "");
    for (const Unit& u : w.units) {
      if (count <= 0) break;
      if (!u.available || !u.can(cap) || !w.nodes[w.facilities[u.base].node].outside) continue;
      UnitBelief& b = beliefs_.units[u.id];
      if (b.state != UnitState::kIdle) continue;
      b.state = UnitState::kAssigned;
      Message o;
      o.from = p_.id;
      o.to = u.id;
      o.kind = MessageKind::kOrder;
      o.body = m.body;
      o.body["report_to"] = m.from;
      o.observed_t = sg4::Engine::get_clock();
      sim_.send(o);
      --count;
    }
    sim_.emit("decision", {p_.id},
              {{"action", {{"do", "dispatch"}, {"capability", cap}, {"outside", true}}},
               {"clause", nullptr},
               {"by", "standing_procedure"},
               {"shortfall", count}});
  }

  std::optional<uint32_t> target_node(const std::string& target) const {
    const World& w = sim_.world();
    if (target == "incident") return uint32_t(sim_.scenario().incident.node);
    if (auto n = w.node_of(target)) return uint32_t(*n);
    for (auto& h : sim_.hazards())
      if (std::string loc = h->site_of(target); !loc.empty())
        if (auto n = w.node_of(loc)) return uint32_t(*n);
    return std::nullopt;
  }

  std::vector<std::string> zones_arg(const nlohmann::json& list) const {
    std::vector<std::string> out;
    for (const auto& z : list) {
      const std::string id = z.get<std::string>();
      if (id == "all") {
        for (const Zone& zz : sim_.world().zones)
          out.push_back(zz.id);
      } else if (id == "all_at_risk" || id == "affected") {
        for (const auto& [zid, zb] : beliefs_.zones)
          if (id == "all_at_risk" || zb.reached || zb.evacuation_ordered) out.push_back(zid);
      } else {
        out.push_back(id);
      }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  struct Tracked {
    Decision d;
    std::set<std::string> waiting; ///< units still to arrive, or "evacuate:<zone>" items
    int unfilled = 0;              ///< dispatch: units still to find (retried as units come free)
    std::string target_node;
    uint64_t tried_gen = 0;        ///< belief_gen_ when units were last looked for
  };

  /// Dispatches that found too few free units get the rest as soon as the post learns of free ones.
  /// A retry can only find more once a unit's state or a road has changed in the post's beliefs:
  /// until then it is skipped (it would look again at the same units and roads and find none).
  void retry_unfilled() {
    for (auto& [did, tr] : tracked_) {
      if (tr.unfilled <= 0 || tr.tried_gen == belief_gen_) continue;
      tr.tried_gen = belief_gen_;
      const nlohmann::json& a = tr.d.action.args;
      const auto node = sim_.world().node_index.find(tr.target_node);
      if (node == sim_.world().node_index.end()) continue;
      auto units = choose_units(a.value("capability", ""), tr.unfilled, uint32_t(node->second),
                                a.value("outside", false), a.value("units", nlohmann::json()));
      if (units.empty()) continue;
      beliefs_changed_ = true;
      for (const auto& u : units)
        order(u, dispatch_body(tr.d, did, tr.target_node));
      tr.waiting.insert(units.begin(), units.end());
      tr.unfilled -= int(units.size());
      sim_.emit("decision", {p_.id},
                {{"id", did},
                 {"action", tr.d.action.to_json()},
                 {"clause", clause_json(tr.d)},
                 {"by", tr.d.by},
                 {"trigger_t", tr.d.trigger_t},
                 {"result", {{"units", units}, {"shortfall", tr.unfilled}, {"retry", true}}}});
    }
  }

  static nlohmann::json clause_json(const Decision& d) {
    return d.clause.empty() ? nlohmann::json() : nlohmann::json(d.clause);
  }

  nlohmann::json dispatch_body(const Decision& d, const std::string& did,
                               const std::string& target_node) const {
    nlohmann::json body = d.action.args;
    body["target_node"] = target_node;
    body["decision"] = did;
    body["clause"] = clause_json(d);
    body["report_to"] = p_.id;
    return body;
  }

  void unit_arrived(const std::string& decision_id, const std::string& unit, double now) {
    action_progress_item(decision_id, unit, now);
  }
  void action_progress(const std::string& item, double now) {
    std::vector<std::string> ids; // action_progress_item may erase from tracked_
    for (const auto& [id, t] : tracked_)
      ids.push_back(id);
    for (const auto& id : ids)
      action_progress_item(id, item, now);
  }
  void action_progress_item(const std::string& decision_id, const std::string& item, double now) {
    auto it = tracked_.find(decision_id);
    if (it == tracked_.end()) return;
    it->second.waiting.erase(item);
    if (it->second.waiting.empty() && it->second.unfilled <= 0) {
      if (cmd_) cmd_->action_done(it->second.d, now, log_);
      tracked_.erase(it);
    }
  }

  void order(const std::string& unit, nlohmann::json body) {
    Message o = Message::make(p_.id, unit, MessageKind::kOrder, std::move(body), sg4::Engine::get_clock());
    sim_.send(o);
    beliefs_.units[unit].state = UnitState::kAssigned;
  }

  /// Why a dispatch found too few units: none free with the capability, or no road to the target.
  std::string shortfall_reason(const nlohmann::json& a, const nlohmann::json& result) const {
    const std::string cap = a.value("capability", "?");
    const int count = a.value("count", 1), got = count - result.value("shortfall", 0);
    int free = 0;
    for (const Unit& u : sim_.world().units)
      if (u.can(cap) && beliefs_.units.at(u.id).state == UnitState::kIdle) ++free;
    std::string s = "only " + std::to_string(got) + " of " + std::to_string(count) +
                    " units with capability " + cap + " could be sent: ";
    if (free > got)
      return s + std::to_string(free - got) +
             " free unit(s) have no open road to the target as far as this post knows; the rest are busy";
    return s + "the others are busy or out of service (the post keeps trying as units come free)";
  }

  /// Chooses `count` idle units with `cap`, fastest first by the post's own road knowledge.
  std::vector<std::string> choose_units(const std::string& cap, int count, uint32_t to, bool outside,
                                        const nlohmann::json& only = nullptr) {
    const World& w = sim_.world();
    std::vector<std::pair<double, std::string>> cand;
    // Unfilled requests are retried every tick, mostly while no unit that fits is idle: look for one
    // before routing, so that such a tick costs no shortest-path tree.
    std::vector<const Unit*> fit;
    for (size_t i = 0; i < w.units.size(); ++i) {
      const Unit& u = w.units[i];
      const uint32_t base = uint32_t(w.facilities[u.base].node);
      if (unit_beliefs_[i]->state != UnitState::kIdle || !u.can(cap) || (!outside && w.nodes[base].outside)) continue;
      if (only.is_array() && std::find(only.begin(), only.end(), u.id) == only.end()) continue;
      fit.push_back(&u);
    }
    if (fit.empty() || count <= 0) return {};
    // Roads are two-way: one tree from the target gives every base's time. Trees are kept until a
    // closure changes what this post believes, since unfilled requests retry every tick.
    auto tree = travel_times_.find(to);
    if (tree == travel_times_.end()) tree = travel_times_.emplace(to, belief_roads_.travel_times_from(to)).first;
    const std::vector<double>& times = tree->second;
    const ModelParameters& par = sim_.params();
    for (const Unit* up : fit) {
      const Unit& u = *up;
      const uint32_t base = uint32_t(w.facilities[u.base].node);
      const double t = times[base] / (u.speed_factor * par.road_speed_scale) + u.turnout_s * par.turnout_scale;
      if (t < std::numeric_limits<double>::infinity()) cand.emplace_back(t, u.id);
    }
    std::sort(cand.begin(), cand.end());
    std::vector<std::string> out;
    for (size_t i = 0; i < cand.size() && int(out.size()) < count; ++i)
      out.push_back(cand[i].second);
    return out;
  }

  void execute(Decision& d) {
    const double now = sg4::Engine::get_clock();
    beliefs_changed_ = true;
    const nlohmann::json& a = d.action.args;
    const std::string did = p_.id + "/d" + std::to_string(++decision_seq_);
    nlohmann::json result = nlohmann::json::object();
    Tracked tr{d, {}, 0, "", belief_gen_};
    switch (d.action.verb) {
    case Verb::kDispatch: {
      const std::string target = a.value("target", "incident");
      auto node = target_node(target);
      if (!node) {
        result["error"] = "unknown target " + target;
        break;
      }
      const std::string cap = a.value("capability", "");
      const int count = a.value("count", 1);
      auto units = choose_units(cap, count, *node, a.value("outside", false), a.value("units", nlohmann::json()));
      tr.target_node = sim_.world().nodes[*node].id;
      for (const auto& u : units) {
        order(u, dispatch_body(d, did, tr.target_node));
        tr.waiting.insert(u);
      }
      tr.unfilled = count - int(units.size());
      result["units"] = units;
      result["shortfall"] = tr.unfilled;
      break;
    }
    case Verb::kEvacuate: {
      auto zones = zones_arg(a["zones"]);
      for (const auto& z : zones) {
        sim_.population().order_evacuation(z, a.value("shelter", ""), p_.id);
        beliefs_.zones[z].evacuation_ordered = true;
        tr.waiting.insert("evacuate:" + z);
      }
      result["zones"] = zones;
      break;
    }
    case Verb::kWarn: {
      auto zones = zones_arg(a["zones"]);
      sim_.population().warn(zones, a["channels"].get<std::vector<std::string>>(), a.value("level", "blue"),
                        p_.id);
      sim_.emit("warning.issued", {p_.id},
                {{"channels", a["channels"]}, {"zones", zones}, {"level", a.value("level", "blue")}});
      result["zones"] = zones;
      break;
    }
    case Verb::kCloseRoad:
    case Verb::kReopenRoad: {
      const bool close = d.action.verb == Verb::kCloseRoad;
      if (auto it = sim_.world().road_index.find(a.value("road", "")); it != sim_.world().road_index.end())
        sim_.set_road_closed(uint32_t(it->second), close, "traffic control by " + p_.id, p_.id);
      break;
    }
    case Verb::kOpenShelter:
    case Verb::kOpenDepot: {
      const std::string f = a.value("facility", "");
      (d.action.verb == Verb::kOpenShelter ? beliefs_.open_shelters : beliefs_.open_depots).insert(f);
      sim_.emit("facility.opened", {f, p_.id},
                {{"kind", d.action.verb == Verb::kOpenShelter ? "shelter" : "depot"}});
      break;
    }
    case Verb::kDeliverRelief: {
      auto zones = zones_arg(a["zones"]);
      const std::string depot = a.value("depot", "");
      const Facility* dep = sim_.world().facility(depot);
      int per_zone = a.value("count", 2);
      std::vector<std::string> sent;
      for (const auto& z : zones) {
        auto node = target_node(z);
        if (!node || !dep) continue;
        // Relief trucks are chosen by distance to the depot, where they load.
        for (const auto& u : choose_units("relief_delivery", per_zone, uint32_t(dep->node), true)) {
          nlohmann::json body = {{"do", "dispatch"},
                                 {"task", "relief"},
                                 {"target", z},
                                 {"target_node", sim_.world().nodes[*node].id},
                                 {"depot", depot},
                                 {"kind", a.value("kind", "food_water")},
                                 {"capability", "relief_delivery"},
                                 {"duration_h", 0.5},
                                 {"decision", did},
                                 {"clause", clause_json(d)},
                                 {"report_to", p_.id}};
          order(u, body);
          tr.waiting.insert(u);
          sent.push_back(u);
        }
      }
      result["zones"] = zones;
      result["units"] = sent;
      break;
    }
    case Verb::kReport: {
      const std::string to = a.value("to", "");
      std::string post_id = to;
      if (!sim_.world().post(to)) { // a level: the nearest post of that level up the chain, else any
        post_id.clear();
        for (const Post* q = sim_.world().post(p_.parent); q; q = sim_.world().post(q->parent))
          if (q->level == to) {
            post_id = q->id;
            break;
          }
        if (post_id.empty())
          for (const Post& q : sim_.world().posts)
            if (q.level == to && q.id != p_.id) {
              post_id = q.id;
              break;
            }
      }
      if (post_id.empty()) {
        result["error"] = "no post of level " + to;
        break;
      }
      Message r = Message::make(p_.id, post_id, MessageKind::kReport,
                                {{"about", "incident"},
                                 {"kind", sim_.scenario().incident.kind},
                                 {"level_reported", to},
                                 {"response_level", beliefs_.response_level}},
                                beliefs_.first_report_t);
      sim_.send(r);
      result["to_post"] = post_id;
      break;
    }
    case Verb::kRequestSupport: {
      const std::string from = a.value("from", "province");
      std::string post_id;
      for (const Post& q : sim_.world().posts)
        if (q.level == from) post_id = q.id;
      auto node = target_node("incident");
      if (post_id.empty() || !node) {
        result["error"] = "no post of level " + from;
        break;
      }
      Message r = Message::make(p_.id, post_id, MessageKind::kRequest,
                                {{"do", "dispatch"},
                                 {"capability", a.value("capability", "")},
                                 {"count", a.value("count", 1)},
                                 {"target", "incident"},
                                 {"target_node", sim_.world().nodes[*node].id},
                                 {"task", "respond"},
                                 {"duration_h", 4.0},
                                 {"decision", did},
                                 {"clause", d.clause.empty() ? nlohmann::json() : nlohmann::json(d.clause)}},
                                sg4::Engine::get_clock());
      sim_.send(r);
      result["to_post"] = post_id;
      break;
    }
    case Verb::kShelterInPlace: {
      auto zones = zones_arg(a["zones"]);
      for (const auto& z : zones)
        sim_.population().order_shelter_in_place(z, p_.id);
      result["zones"] = zones;
      break;
    }
    case Verb::kSetLevel:
      beliefs_.response_level = a.value("level", "none");
      sim_.emit("response.level", {p_.id}, {{"level", beliefs_.response_level}, {"clause", d.clause}});
      break;
    }
    if (!d.clause.empty() && (result.value("shortfall", 0) > 0 || result.contains("error")))
      sim_.emit("plan.clause_blocked", {p_.id},
                {{"clause", d.clause},
                 {"action", verb_name(d.action.verb)},
                 {"reason", result.contains("error") ? result["error"].get<std::string>()
                                                     : shortfall_reason(a, result)}});
    sim_.emit("decision", {p_.id},
              {{"id", did},
               {"action", d.action.to_json()},
               {"clause", clause_json(d)},
               {"by", d.by},
               {"trigger_t", d.trigger_t},
               {"result", result}});
    const bool needs_units = d.action.verb == Verb::kDispatch || d.action.verb == Verb::kDeliverRelief;
    if (result.contains("error") || (needs_units && tr.waiting.empty() && tr.unfilled <= 0)) {
      // nothing was done: the clause stays undone (plan.clause_blocked says why)
    } else if (tr.waiting.empty() && tr.unfilled <= 0) {
      if (cmd_) cmd_->action_done(d, now, log_);
    } else {
      tracked_[did] = std::move(tr);
    }
  }

  Simulation& sim_;
  const Post& p_;
  bool lead_;
  Beliefs beliefs_;
  std::vector<UnitBelief*> unit_beliefs_; ///< beliefs_.units in the order of world().units
  uint64_t belief_gen_ = 1;               ///< bumped when a unit's state or a road changes in beliefs_
  bool beliefs_changed_ = true;           ///< since the commander last decided (Commander::may_decide)
  RoadNetwork belief_roads_;
  std::map<uint32_t, std::vector<double>> travel_times_; ///< target node → times on belief_roads_
  LogFn log_;
  Commander* cmd_ = nullptr;
  long decision_seq_ = 0;
  std::map<std::string, Tracked> tracked_;
};

} // namespace

void start_post_actor(Simulation& sim, size_t index) {
  const Post& p = sim.world().posts[index];
  sg4::Actor::create(p.id, sim.comms().host(p.id), [&sim, index] {
    PostRunner r(sim, index);
    r.run();
  })->daemonize();
}

} // namespace hg
