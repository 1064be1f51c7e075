/// @file
/// @brief Computes every KPI from the event log and the scenario (docs/scoring.md, "KPIs"). Each
/// value keeps the seq numbers of the events it was computed from, so every number in a report can
/// be traced back to the log.
#include "scoring/KpiCatalog.hpp"
#include "scoring/RunAnalysis.hpp"
#include "scoring/Rubric.hpp"
#include "sim/hazards/HazardRegistry.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace hg::score {

namespace {

std::string text(const nlohmann::json& p, const char* key) {
  return p.is_object() && p.contains(key) && p[key].is_string() ? p[key].get<std::string>() : std::string();
}
double number(const nlohmann::json& p, const char* key, double fallback = 0) {
  return p.is_object() && p.contains(key) && p[key].is_number() ? p[key].get<double>() : fallback;
}
bool flag(const nlohmann::json& p, const char* key) {
  return p.is_object() && p.contains(key) && p[key].is_boolean() && p[key].get<bool>();
}
std::string subject(const Event& e) { return e.actors.empty() ? "" : e.actors[0]; }

/// Nearest-rank percentile of unweighted samples (sorted inside).
double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  size_t rank = size_t(std::ceil(p * double(v.size())));
  return v[std::min(v.size() - 1, rank == 0 ? 0 : rank - 1)];
}

/// Percentile of weighted samples: the smallest value whose cumulative weight reaches p x total.
/// Also reports whether that value belongs to a lower-bound sample.
/// Also the zone (4th field) the percentile falls on, to explain it.
std::tuple<double, bool, std::string> weighted_percentile(std::vector<std::tuple<double, double, bool, std::string>> v,
                                                          double p) {
  std::sort(v.begin(), v.end());
  double total = 0;
  for (const auto& s : v)
    total += std::get<1>(s);
  double cum = 0;
  for (const auto& s : v) {
    cum += std::get<1>(s);
    if (cum >= p * total - 1e-9)
      return {std::get<0>(s), std::get<2>(s), std::get<3>(s)};
  }
  return {std::get<0>(v.back()), std::get<2>(v.back()), std::get<3>(v.back())};
}

class Calculator {
public:
  Calculator(const RunData& run, const std::map<std::string, std::string>& clocks)
      : run_(run), w_(run.scenario.world), clocks_(clocks) {
    for (const auto& e : run_.events) {
      if (e.type == "incident.started" && !incident_)
        incident_ = &e;
      else if (e.type == "report.received" && text(e.payload, "about") == "incident" && !first_report_)
        first_report_ = &e;
      else if (e.type == "hazard.reached" && !zone_reached_.count(subject(e)))
        zone_reached_[subject(e)] = &e;
      else if (e.type == "evacuation.started" && !zone_ordered_.count(subject(e)))
        zone_ordered_[subject(e)] = &e;
      else if (e.type == "population.account")
        account_[subject(e)] = &e; // the last one per zone: the account at the end of the run
    }
  }

  RunAnalysis compute() {
    out_.decider = attribute_events(run_.events);
    for (const auto& k : kpi_catalog())
      out_.kpis.push_back(KpiValue{k.id, std::nullopt, true, false, "", "", {}, {}});
    reports();
    arrivals();
    danger_zones();
    exposure_and_casualties();
    relief();
    units();
    plan();
    comms();
    closed_roads();
    hazard_kpis();
    return std::move(out_);
  }

private:
  KpiValue& kpi(const std::string& id) {
    for (auto& k : out_.kpis)
      if (k.id == id)
        return k;
    throw std::logic_error("KPI not in catalogue: " + id);
  }
  void not_applicable(const std::string& id, Text why) {
    KpiValue& k = kpi(id);
    k.applicable = false;
    k.value.reset();
    k.note = std::move(why);
  }
  /// The rubric's clock for a time KPI ("" = incident_start).
  std::string clock_of(const std::string& kpi) const {
    auto it = clocks_.find(kpi);
    if (it != clocks_.end())
      return it->second;
    return kpi.rfind("relief_", 0) == 0 ? "hazard_reached" : "incident_start";
  }
  /// When a zone's clock starts (docs/scoring.md, "Clocks"): per zone for hazard_reached and
  /// evacuation_order, each falling back on the other for zones that saw only one of them.
  const Event* zone_clock_event(const std::string& clock, const std::string& zone) const {
    auto find = [&](const std::map<std::string, const Event*>& m) -> const Event* {
      auto it = m.find(zone);
      return it == m.end() ? nullptr : it->second;
    };
    if (clock == "hazard_reached")
      return find(zone_reached_) ? find(zone_reached_) : find(zone_ordered_);
    if (clock == "evacuation_order")
      return find(zone_ordered_) ? find(zone_ordered_) : find(zone_reached_);
    return global_clock_event(clock);
  }
  /// The start of a clock for a KPI about the whole run: the earliest such event in any zone.
  const Event* global_clock_event(const std::string& clock) const {
    if (clock == "first_report")
      return first_report_;
    if (clock == "hazard_reached" || clock == "evacuation_order") {
      const Event* best = nullptr;
      for (const auto* m : {&zone_reached_, &zone_ordered_}) {
        if (clock == "hazard_reached" && m == &zone_ordered_)
          continue;
        if (clock == "evacuation_order" && m == &zone_reached_)
          continue;
        for (const auto& [z, e] : *m)
          if (!best || e->seq < best->seq)
            best = e;
      }
      return best;
    }
    return incident_;
  }
  /// Starts the clock of `k`: adds its start event to the evidence and returns its time, or marks
  /// the KPI not applicable (the clock never started) and returns nullopt.
  std::optional<double> start_clock(KpiValue& k) {
    const std::string clock = clock_of(k.id);
    k.clock = clock;
    if (clock == "incident_start") {
      if (incident_)
        k.evidence.push_back(evidence_of(*incident_));
      return run_.t0_s;
    }
    const Event* e = global_clock_event(clock);
    if (!e) {
      const ClockInfo* c = find_clock(clock);
      not_applicable(k.id, {"计时起点(" + (c ? c->name.zh : clock) + ")未出现", "its clock never started (" + (c ? c->name.en : clock) + " never happened)"});
      return std::nullopt;
    }
    k.evidence.push_back(evidence_of(*e));
    return e->t;
  }
  /// Minutes from the clock start to `e`; 0 if it happened before the clock started (a unit on scene
  /// before the water came), with a note saying so.
  double minutes_since(KpiValue& k, double start_s, const Event& e) {
    if (e.t < start_s) {
      k.note = {"早于计时起点(" + fmt_duration(start_s - e.t, "zh") + ")", "before the clock started (by " + fmt_duration(start_s - e.t, "en") + ")"};
      return 0;
    }
    return (e.t - start_s) / 60.0;
  }
  bool has_post_level(const std::vector<std::string>& levels) const {
    return std::any_of(w_.posts.begin(), w_.posts.end(), [&](const Post& p) {
      return std::find(levels.begin(), levels.end(), p.level) != levels.end();
    });
  }

  // Time to first report at each level; county and district posts form one level (区 = 县级).
  void reports() {
    const std::vector<std::pair<std::string, std::vector<std::string>>> levels = {
        {"county", {"county", "district"}}, {"city", {"city"}}, {"province", {"province"}}};
    std::map<std::string, const Event*> first;
    for (const auto& e : run_.events) {
      if (e.type != "report.received" || text(e.payload, "about") != "incident")
        continue;
      const std::string lv = text(e.payload, "level");
      for (const auto& [name, members] : levels)
        if (std::find(members.begin(), members.end(), lv) != members.end() && !first.count(name))
          first[name] = &e;
    }
    for (const auto& [name, members] : levels) {
      const std::string id = "t_report_" + name + "_min";
      if (!has_post_level(members) && !first.count(name)) {
        not_applicable(id, {"场景中无该级指挥机构", "the scenario has no post at this level"});
        continue;
      }
      KpiValue& k = kpi(id);
      const auto start = start_clock(k);
      if (!start)
        continue;
      if (first.count(name)) {
        k.value = minutes_since(k, *start, *first[name]);
        k.subject = subject(*first[name]);
        k.evidence.push_back(evidence_of(*first[name]));
      } else {
        k.note = {"推演结束前未收到报告", "no incident report arrived before the end of the scenario"};
      }
    }
    relay("relay_city_min", first, "county", "city");
    relay("relay_province_min", first, "city", "province");
  }

  void relay(const std::string& id, std::map<std::string, const Event*>& first, const std::string& lower,
             const std::string& upper) {
    const std::vector<std::string> upper_levels = {upper};
    if (!has_post_level(upper_levels) && !first.count(upper)) {
      not_applicable(id, {"场景中无上级指挥机构", "the scenario has no post at the upper level"});
      return;
    }
    if (!first.count(lower)) {
      not_applicable(id, {"下级未收到报告,无从续报", "the lower level never got a report to relay"});
      return;
    }
    KpiValue& k = kpi(id);
    k.evidence.push_back(evidence_of(*first[lower]));
    if (first.count(upper)) {
      k.value = (first[upper]->t - first[lower]->t) / 60.0;
      k.subject = subject(*first[upper]);
      k.evidence.push_back(evidence_of(*first[upper]));
    } else {
      k.note = {"未向上级续报", "the report was never relayed upward"};
    }
  }

  const Event* last_dispatch_before(const std::string& unit, long seq) const {
    const Event* found = nullptr;
    for (const auto& e : run_.events) {
      if (e.seq >= seq)
        break;
      if (e.type == "unit.dispatched" && subject(e) == unit)
        found = &e;
    }
    return found;
  }

  // A unit is on scene when it arrives to work on the hazard: at the incident, a levee, a fire, a
  // flooded zone… Relief trucks and patient transport are logistics, not the response on scene.
  static bool on_scene(const Event& e) {
    if (e.type != "unit.arrived")
      return false;
    const std::string task = text(e.payload, "task");
    return task != "relief" && task != "transport_patients";
  }

  void arrivals() {
    const Event* first = nullptr;
    for (const auto& e : run_.events)
      if (on_scene(e)) {
        first = &e;
        break;
      }
    {
      KpiValue& k = kpi("t_first_unit_min");
      if (const auto start = start_clock(k)) {
        if (first) {
          k.value = minutes_since(k, *start, *first);
          k.subject = subject(*first);
          if (const Event* d = last_dispatch_before(subject(*first), first->seq))
            k.evidence.push_back(evidence_of(*d));
          k.evidence.push_back(evidence_of(*first));
        } else {
          k.note = {"无队伍到达现场", "no unit reached the scene"};
        }
      }
    }
    // Full first-alarm assignment: every unit dispatched with first_alarm == true has arrived.
    std::vector<const Event*> fa;
    std::set<std::string> fa_units;
    for (const auto& e : run_.events)
      if (e.type == "unit.dispatched" && flag(e.payload, "first_alarm") && fa_units.insert(subject(e)).second)
        fa.push_back(&e);
    if (fa.empty()) {
      not_applicable("t_first_alarm_complete_min",
                     {"日志中没有标记为首批(first_alarm)的调派", "no dispatch in the log is marked first_alarm"});
      return;
    }
    KpiValue& k = kpi("t_first_alarm_complete_min");
    const auto start = start_clock(k);
    if (!start)
      return;
    const Event* last = nullptr;
    std::vector<std::string> missing;
    for (const Event* d : fa) {
      k.evidence.push_back(evidence_of(*d));
      const Event* arr = nullptr; // its first arrival on scene after this dispatch
      for (const auto& e : run_.events)
        if (e.seq > d->seq && on_scene(e) && subject(e) == subject(*d)) {
          arr = &e;
          break;
        }
      if (!arr) {
        missing.push_back(subject(*d));
        continue;
      }
      k.evidence.push_back(evidence_of(*arr));
      if (!last || arr->t > last->t)
        last = arr;
    }
    if (missing.empty()) {
      k.value = minutes_since(k, *start, *last);
      k.subject = subject(*last);
    } else {
      k.subject = missing.front();
      std::string ids;
      for (const auto& m : missing)
        ids += (ids.empty() ? "" : ", ") + m;
      k.note = {"未到场: " + ids, "never arrived: " + ids};
    }
  }

  double zone_people(const std::string& zone, const Event* e) const {
    if (const Zone* z = w_.zone(zone))
      return z->population;
    return e ? number(e->payload, "people") : 0;
  }

  // Warned and evacuated before the hazard reached the zone. "Before" means earlier in the log (a
  // smaller seq), so a warning at the same second but logged first still counts.
  void danger_zones() {
    for (const auto& e : run_.events)
      if (e.type == "hazard.reached" && !reached_.count(subject(e))) {
        reached_[subject(e)] = &e;
        reached_order_.push_back(subject(e));
      }
    if (reached_.empty()) {
      const Text why{"灾害未到达任何人口区域", "the hazard reached no populated zone"};
      not_applicable("warned_before_share", why);
      not_applicable("evacuated_before_share", why);
      return;
    }
    KpiValue& warned = kpi("warned_before_share");
    KpiValue& evac = kpi("evacuated_before_share");
    double people = 0, people_warned = 0, people_evacuated = 0;
    double worst_warned = 2;
    for (const auto& zone : reached_order_) {
      const Event* r = reached_[zone];
      const double pop = zone_people(zone, r);
      double share = 0, moved = 0;
      for (const auto& e : run_.events) {
        if (e.seq >= r->seq)
          break;
        if (subject(e) != zone)
          continue;
        if (e.type == "warning.delivered") {
          share += number(e.payload, "share");
          warned.evidence.push_back(evidence_of(e));
        } else if (e.type == "evacuation.completed") {
          moved += number(e.payload, "people");
          evac.evidence.push_back(evidence_of(e));
        }
      }
      share = std::min(1.0, share);
      moved = std::min(pop, moved);
      people += pop;
      people_warned += pop * share;
      people_evacuated += moved;
      warned.evidence.push_back(evidence_of(*r));
      evac.evidence.push_back(evidence_of(*r));
      if (share < worst_warned) {
        worst_warned = share;
        warned.subject = zone;
      }
      if (evac.subject.empty() && moved < pop)
        evac.subject = zone;
    }
    if (people <= 0) {
      const Text why{"受影响区域人口为0", "the reached zones have no population"};
      not_applicable("warned_before_share", why);
      not_applicable("evacuated_before_share", why);
      return;
    }
    warned.value = people_warned / people;
    evac.value = people_evacuated / people;
    const Text of{"险区人口 " + fmt_num(people, 0), "people in reached zones: " + fmt_num(people, 0)};
    warned.note = of;
    evac.note = of;
  }

  void exposure_and_casualties() {
    auto casualties = [](const std::vector<Event>& log, const std::string& which, std::vector<Evidence>& ev) {
      std::map<std::pair<std::string, std::string>, std::pair<double, double>> latest;
      std::map<std::pair<std::string, std::string>, Evidence> latest_ev;
      for (const auto& e : log)
        if (e.type == "casualties.estimate") {
          const auto key = std::make_pair(subject(e), text(e.payload, "hazard"));
          latest[key] = {number(e.payload, "fatalities"), number(e.payload, "injuries")};
          latest_ev[key] = evidence_of(e, which);
        }
      double f = 0, i = 0;
      for (const auto& [key, v] : latest) {
        f += v.first;
        i += v.second;
        ev.push_back(latest_ev[key]);
      }
      return std::make_tuple(f, i, !latest.empty());
    };
    std::vector<Evidence> run_ev;
    auto [fat, inj, have] = casualties(run_.events, "run", run_ev);
    if (!have) {
      const Text why{"无伤亡估计事件", "no casualties.estimate events"};
      not_applicable("fatalities", why);
      not_applicable("injuries", why);
    } else {
      kpi("fatalities").value = fat;
      kpi("fatalities").evidence = run_ev;
      kpi("injuries").value = inj;
      kpi("injuries").evidence = run_ev;
    }
    if (!run_.baseline) {
      not_applicable("lives_saved", {"无同种子无响应基线(baseline/events.jsonl)", "no no-response baseline with the same seed (baseline/events.jsonl)"});
      return;
    }
    std::vector<Evidence> base_ev;
    auto [bfat, binj, bhave] = casualties(*run_.baseline, "baseline", base_ev);
    (void)binj;
    if (!have && !bhave) {
      not_applicable("lives_saved", {"两次推演均无伤亡估计", "neither run nor baseline estimates casualties"});
      return;
    }
    KpiValue& k = kpi("lives_saved");
    k.value = bfat - fat;
    k.evidence = base_ev;
    merge_evidence(k.evidence, run_ev);
    k.note = {"基线死亡 " + fmt_num(bfat, 1) + ",本次 " + fmt_num(fat, 1),
              "baseline fatalities " + fmt_num(bfat, 1) + ", this run " + fmt_num(fat, 1)};
  }

  /// The people a zone's relief is owed to, from the population account the engine logged at the end
  /// (`affected`: everyone at risk in a zone the hazard reached, else the people who left it), so that
  /// scoring counts exactly the people the engine delivered to. Logs without it: the hazard's count of
  /// people at risk, then the people evacuated, then the zone's population.
  double affected_people(const std::string& zone) const {
    if (auto it = account_.find(zone); it != account_.end() && it->second->payload.contains("affected"))
      return number(it->second->payload, "affected");
    if (auto it = zone_reached_.find(zone); it != zone_reached_.end()) {
      if (it->second->payload.contains("people"))
        return number(it->second->payload, "people");
      return zone_people(zone, it->second);
    }
    double moved = -1;
    for (const auto& e : run_.events)
      if (e.type == "evacuation.completed" && subject(e) == zone)
        moved = number(e.payload, "people");
    return moved >= 0 ? moved : zone_people(zone, nullptr);
  }

  // Hours to basic relief per affected person: deliveries fill each zone in time order; people still
  // unrelieved at the end are counted at the scenario end, so the statistics are then lower bounds.
  // A remainder under half a person is rounding in the account, not a person left without relief.
  void relief() {
    static constexpr double kPersonEps = 0.5;
    std::vector<std::string> zones = reached_order_;
    for (const auto& e : run_.events)
      if ((e.type == "evacuation.started" || e.type == "evacuation.completed") &&
          std::find(zones.begin(), zones.end(), subject(e)) == zones.end())
        zones.push_back(subject(e));
    const char* ids[] = {"relief_p50_h", "relief_p90_h", "relief_max_h", "unrelieved_share"};
    const double ps[] = {0.5, 0.9, 1.0};
    double total = 0, unrelieved = 0;
    std::vector<Evidence> ev;
    // The zone table uses the clock of relief_p90_h; each percentile uses its own.
    auto zone_reliefs = [&](const std::string& clock) {
      std::vector<ZoneRelief> out;
      for (const auto& zone : zones) {
        ZoneRelief zr;
        zr.zone = zone;
        if (const Zone* z = w_.zone(zone))
          zr.name = {z->name.zh, z->name.en};
        zr.people = affected_people(zone);
        const Event* start = zone_clock_event(clock, zone);
        zr.start_s = start ? start->t : run_.t0_s;
        if (start)
          zr.evidence.push_back(evidence_of(*start));
        double remaining = zr.people;
        for (const auto& e : run_.events) {
          if (e.type != "relief.delivered" || subject(e) != zone || remaining <= 0)
            continue;
          const double n = std::min(remaining, number(e.payload, "people"));
          if (n <= 0)
            continue;
          remaining -= n;
          zr.relieved += n;
          zr.last_relief_s = e.t;
          zr.evidence.push_back(evidence_of(e));
        }
        if (remaining < kPersonEps)
          zr.relieved = zr.people;
        out.push_back(std::move(zr));
      }
      return out;
    };
    auto samples_of = [&](const std::vector<ZoneRelief>& zrs) {
      std::vector<std::tuple<double, double, bool, std::string>> samples; // hours, people, lower bound, zone
      for (const auto& zr : zrs) {
        double remaining = zr.people;
        for (const auto& e : zr.evidence) {
          if (e.type != "relief.delivered" || remaining <= 0)
            continue;
          const Event* d = run_.event(e.seq);
          const double n = std::min(remaining, d ? number(d->payload, "people") : 0.0);
          if (n <= 0)
            continue;
          remaining -= n;
          samples.emplace_back(std::max(0.0, e.t_s - zr.start_s) / 3600.0, n, false, zr.zone);
        }
        if (remaining >= kPersonEps)
          samples.emplace_back(std::max(0.0, run_.end_s - zr.start_s) / 3600.0, remaining, true, zr.zone);
      }
      return samples;
    };
    out_.relief = zone_reliefs(clock_of("relief_p90_h"));
    for (const auto& zr : out_.relief) {
      total += zr.people;
      if (zr.people - zr.relieved >= kPersonEps)
        unrelieved += zr.people - zr.relieved;
      merge_evidence(ev, zr.evidence);
    }
    if (zones.empty() || total <= 0) {
      for (const char* id : ids)
        not_applicable(id, {"无受灾(被灾害波及或转移)人员", "no affected people (no zone reached or evacuated)"});
      return;
    }
    const Text lb{"含未获救助人员,按推演结束时刻计:实际用时至少为此值", "includes people never relieved, counted at the scenario end: the true time is at least this"};
    for (int i = 0; i < 3; ++i) {
      KpiValue& k = kpi(ids[i]);
      k.clock = clock_of(ids[i]);
      const auto zrs = k.clock == clock_of("relief_p90_h") ? out_.relief : zone_reliefs(k.clock);
      const auto samples = samples_of(zrs);
      auto [v, bound, zone] = weighted_percentile(samples, ps[i]);
      k.value = v;
      k.lower_bound = bound;
      k.subject = zone; // the zone the percentile falls on (replaced below by one never relieved, if any)
      if (bound)
        k.note = lb;
      k.evidence = ev;
    }
    KpiValue& u = kpi("unrelieved_share");
    u.value = unrelieved / total;
    u.evidence = ev;
    u.note = {"受灾人口 " + fmt_num(total, 0) + ",未获救助 " + fmt_num(unrelieved, 0),
              "affected people " + fmt_num(total, 0) + ", never relieved " + fmt_num(unrelieved, 0)};
    for (const auto& zr : out_.relief)
      if (zr.people - zr.relieved >= kPersonEps) {
        u.subject = zr.zone;
        for (const char* id : ids)
          kpi(id).subject = zr.zone;
        break;
      }
  }

  void units() {
    std::map<std::string, size_t> index;
    for (const auto& e : run_.events) {
      const bool unit_event = e.type.rfind("unit.", 0) == 0;
      if (!unit_event)
        continue;
      const std::string id = subject(e);
      if (!index.count(id)) {
        if (e.type != "unit.dispatched")
          continue; // a unit that was never dispatched has no busy time
        index[id] = out_.units.size();
        UnitUse u;
        u.unit = id;
        if (const Unit* wu = w_.unit(id)) {
          u.name = {wu->name.zh, wu->name.en};
          u.agency = wu->agency;
          u.type = wu->type;
        }
        out_.units.push_back(u);
      }
      UnitUse& u = out_.units[index[id]];
      auto open = [&](const std::string& phase) {
        if (!u.spans.empty() && u.spans.back().to_s < 0)
          u.spans.back().to_s = e.t;
        u.spans.push_back({e.t, -1, phase, e.seq});
      };
      if (e.type == "unit.dispatched")
        open("travel");
      else if (e.type == "unit.arrived")
        open("on_scene");
      else if (e.type == "unit.task_done")
        open("return");
      else if (e.type == "unit.returned" && !u.spans.empty() && u.spans.back().to_s < 0)
        u.spans.back().to_s = e.t;
      else if (e.type == "unit.rerouted")
        u.reroutes.push_back(evidence_of(e));
      u.evidence.push_back(evidence_of(e));
    }
    if (out_.units.empty()) {
      not_applicable("unit_utilisation_share", {"未出动任何队伍", "no unit was dispatched"});
      kpi("units_dispatched_count").value = 0;
      return;
    }
    double sum = 0;
    KpiValue& k = kpi("unit_utilisation_share");
    for (auto& u : out_.units) {
      for (auto& s : u.spans) {
        if (s.to_s < 0)
          s.to_s = std::max(s.from_s, run_.end_s); // still out at the end of the scenario
        u.busy_s += s.to_s - s.from_s;
      }
      u.idle_s = std::max(0.0, run_.duration_s - u.busy_s);
      u.utilisation = run_.duration_s > 0 ? std::min(1.0, u.busy_s / run_.duration_s) : 0;
      sum += u.utilisation;
      merge_evidence(k.evidence, u.evidence);
    }
    k.value = sum / double(out_.units.size());
    KpiValue& c = kpi("units_dispatched_count");
    c.value = double(out_.units.size());
    for (const auto& u : out_.units)
      c.evidence.push_back(u.evidence.front());
  }

  void plan() {
    std::map<std::string, size_t> index;
    bool loaded = false;
    auto clause = [&](const std::string& id) -> ClauseStatus& {
      if (!index.count(id)) {
        index[id] = out_.clauses.size();
        ClauseStatus c;
        c.id = id;
        c.status = "never_fired";
        out_.clauses.push_back(c);
      }
      return out_.clauses[index[id]];
    };
    std::vector<Evidence> loaded_ev;
    for (const auto& e : run_.events) {
      if (e.type == "plan.loaded") {
        loaded = true;
        loaded_ev.push_back(evidence_of(e));
        if (e.payload.contains("clauses") && e.payload["clauses"].is_array())
          for (const auto& c : e.payload["clauses"]) {
            ClauseStatus& cs = clause(text(c, "id"));
            cs.action = text(c, "action");
            cs.section = text(c, "section");
            cs.title = {text(c, "zh"), text(c, "en")};
            cs.deadline_s = number(c, "deadline_s", -1);
            cs.evidence.push_back(evidence_of(e));
          }
      } else if (e.type == "plan.clause_fired") {
        ClauseStatus& cs = clause(text(e.payload, "clause"));
        if (cs.status == "never_fired")
          cs.status = "not_done";
        cs.evidence.push_back(evidence_of(e));
      } else if (e.type == "plan.action_done") {
        ClauseStatus& cs = clause(text(e.payload, "clause"));
        if (cs.status == "never_fired" || cs.status == "not_done") // the first completion counts
          cs.status = text(e.payload, "status") == "on_time" ? "on_time" : "late";
        if (cs.action.empty())
          cs.action = text(e.payload, "action");
        cs.evidence.push_back(evidence_of(e));
      }
    }
    if (!loaded) {
      const Text why{"未加载预案(团队自主指挥)", "no plan was loaded (teams played without one)"};
      for (const char* id : {"plan_on_time_share", "plan_late_count", "plan_never_fired_count"})
        not_applicable(id, why);
      return;
    }
    double fired = 0, on_time = 0, late = 0, never = 0;
    KpiValue& share = kpi("plan_on_time_share");
    KpiValue& late_k = kpi("plan_late_count");
    KpiValue& never_k = kpi("plan_never_fired_count");
    share.evidence = loaded_ev;
    late_k.evidence = loaded_ev;
    never_k.evidence = loaded_ev;
    for (const auto& c : out_.clauses) {
      if (c.status == "never_fired") {
        ++never;
        if (never_k.subject.empty())
          never_k.subject = c.id;
        continue;
      }
      ++fired;
      merge_evidence(share.evidence, c.evidence);
      if (c.status == "on_time")
        ++on_time;
      else {
        ++late;
        merge_evidence(late_k.evidence, c.evidence);
        if (late_k.subject.empty())
          late_k.subject = c.id;
      }
    }
    if (fired > 0)
      share.value = on_time / fired;
    else
      share.note = {"没有条款被触发", "no clause fired"};
    late_k.value = late;
    never_k.value = never;
  }

  void comms() {
    std::map<std::string, std::vector<double>> delays;
    std::map<std::string, NetworkStats> nets;
    std::vector<double> all;
    std::vector<Evidence> delivered_ev, lost_ev;
    for (const auto& e : run_.events) {
      if (e.type != "message.delivered" && e.type != "message.lost")
        continue;
      const std::string net = text(e.payload, "network");
      NetworkStats& n = nets[net];
      n.network = net;
      n.evidence.push_back(evidence_of(e));
      if (e.type == "message.delivered") {
        ++n.delivered;
        delays[net].push_back(number(e.payload, "delay_s"));
        all.push_back(number(e.payload, "delay_s"));
        delivered_ev.push_back(evidence_of(e));
      } else {
        ++n.lost;
        lost_ev.push_back(evidence_of(e));
      }
    }
    for (auto& [net, n] : nets) {
      const auto& d = delays[net];
      if (!d.empty()) {
        double s = 0;
        for (double x : d)
          s += x;
        n.mean_delay_s = s / double(d.size());
        n.p90_delay_s = percentile(d, 0.9);
        n.max_delay_s = *std::max_element(d.begin(), d.end());
      }
      out_.networks.push_back(n);
    }
    if (all.empty()) {
      const Text why{"无已送达消息", "no delivered messages"};
      not_applicable("msg_delay_mean_s", why);
      not_applicable("msg_delay_p90_s", why);
    } else {
      double s = 0;
      for (double x : all)
        s += x;
      kpi("msg_delay_mean_s").value = s / double(all.size());
      kpi("msg_delay_mean_s").evidence = delivered_ev;
      kpi("msg_delay_p90_s").value = percentile(all, 0.9);
      kpi("msg_delay_p90_s").evidence = delivered_ev;
    }
    const double n_lost = double(lost_ev.size()), n_all = double(all.size()) + n_lost;
    if (n_all == 0) {
      const Text why{"无消息事件", "no message events"};
      not_applicable("msg_lost_share", why);
      not_applicable("msg_lost_count", why);
      return;
    }
    KpiValue& share = kpi("msg_lost_share");
    share.value = n_lost / n_all;
    share.evidence = lost_ev;
    KpiValue& count = kpi("msg_lost_count");
    count.value = n_lost;
    count.evidence = lost_ev;
    long worst = 0;
    for (const auto& n : out_.networks)
      if (n.lost > worst) {
        worst = n.lost;
        share.subject = count.subject = n.network;
      }
  }

  void closed_roads() {
    std::set<std::string> seen;
    for (const auto& e : run_.events)
      if (e.type == "road.closed" && seen.insert(subject(e)).second)
        out_.closed_roads.push_back(subject(e));
    // People at risk over time: the people the hazards report as exposed (casualties.estimate, per
    // zone and hazard) when they report any, else reached zones minus the people evacuated from them.
    std::map<std::string, double> by_zone;
    bool harm = false;
    for (const auto& e : run_.events)
      harm = harm || e.type == "casualties.estimate";
    std::map<std::string, double> evacuated;
    std::set<std::string> reached;
    out_.at_risk.push_back({run_.t0_s, 0});
    for (const auto& e : run_.events) {
      bool changed = false;
      if (harm && e.type == "casualties.estimate") {
        by_zone[subject(e) + "/" + text(e.payload, "hazard")] = number(e.payload, "exposed");
        changed = true;
      } else if (!harm && (e.type == "hazard.reached" || e.type == "evacuation.completed")) {
        if (e.type == "hazard.reached")
          reached.insert(subject(e));
        else
          evacuated[subject(e)] += number(e.payload, "people");
        for (const auto& z : reached)
          by_zone[z] = std::max(0.0, zone_people(z, reached_.count(z) ? reached_[z] : nullptr) - evacuated[z]);
        changed = true;
      }
      if (changed) {
        double sum = 0;
        for (const auto& [z, v] : by_zone)
          sum += v;
        out_.at_risk.push_back({e.t, sum});
      }
    }
    out_.at_risk.push_back({run_.end_s, out_.at_risk.back().value});
  }

  /// KPIs the hazard modules define (sim/hazards/ModuleParts.hpp), computed by their own code.
  void hazard_kpis() {
    for (const auto& m : hg::hazard_modules())
      for (const auto& spec : m.kpis) {
        KpiValue& k = kpi(spec.id);
        // A module's time KPIs count from the incident start it is given: give it the rubric's clock.
        double t0 = run_.t0_s;
        if ((spec.unit == "min" || spec.unit == "h") && clocks_.count(spec.id)) {
          k.clock = clocks_.at(spec.id);
          const Event* e = global_clock_event(k.clock);
          if (!e) {
            not_applicable(spec.id, {"计时起点未出现", "its clock never started"});
            continue;
          }
          t0 = e->t;
        } else if (spec.unit == "min" || spec.unit == "h") {
          k.clock = "incident_start";
        }
        const KpiInput in{run_.events, w_, t0, run_.end_s};
        const KpiResult r = spec.compute(in);
        k.value = r.value;
        k.lower_bound = r.lower_bound;
        k.subject = r.subject;
        k.note = {r.note_zh, r.note_en};
        k.applicable = r.value.has_value() || r.note_en.empty();
        for (long seq : r.evidence)
          if (const Event* e = run_.event(seq)) k.evidence.push_back(evidence_of(*e));
      }
  }

  const RunData& run_;
  const World& w_;
  const std::map<std::string, std::string>& clocks_;
  const Event* incident_ = nullptr;
  const Event* first_report_ = nullptr;
  std::map<std::string, const Event*> zone_reached_, zone_ordered_, account_;
  std::map<std::string, const Event*> reached_;
  std::vector<std::string> reached_order_;
  RunAnalysis out_;
};

} // namespace

const KpiValue* RunAnalysis::kpi(const std::string& id) const {
  for (const auto& k : kpis)
    if (k.id == id)
      return &k;
  return nullptr;
}

RunAnalysis analyse_run(const RunData& run, const std::map<std::string, std::string>& clocks) {
  return Calculator(run, clocks).compute();
}

} // namespace hg::score
