/// @file
/// @brief Writing findings as a trainer would: the value against the target, then the cause found in
/// the log, each cause citing its event numbers so the report can link to them.
#include "scoring/Findings.hpp"

#include "scoring/KpiCatalog.hpp"
#include "scoring/Report.hpp"
#include "sim/hazards/HazardRegistry.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>

namespace hg::score {

namespace {

std::string text(const nlohmann::json& p, const char* key) {
  return p.is_object() && p.contains(key) && p[key].is_string() ? p[key].get<std::string>() : std::string();
}
std::string subject(const Event& e) {
  return e.actors.empty() ? "" : e.actors[0];
}
std::string ev_ref(const Event& e) {
  return "#" + std::to_string(e.seq);
}

/// Appends the same clause to both languages.
void add(Text& t, const std::string& zh, const std::string& en) {
  t.zh += zh;
  const bool glue = !en.empty() && (en[0] == ';' || en[0] == ',' || en[0] == '.');
  t.en += (t.en.empty() || en.empty() || glue ? "" : " ") + en;
}

class Writer {
public:
  Writer(const RunData& run, const RunAnalysis& a) : run_(run), a_(a), w_(run.scenario.world) {}

  Text unit_name(const std::string& id) const {
    const Unit* u = w_.unit(id);
    return u ? Text{u->name.zh.empty() ? id : u->name.zh, u->name.en.empty() ? id : u->name.en}
             : Text{id, id};
  }
  Text road_name(const std::string& id) const {
    const Road* r = w_.road(id);
    return r ? Text{r->name.zh.empty() ? id : r->name.zh, r->name.en.empty() ? id : r->name.en}
             : Text{id, id};
  }
  Text zone_name(const std::string& id) const {
    const Zone* z = w_.zone(id);
    return z ? Text{z->name.zh.empty() ? id : z->name.zh, z->name.en.empty() ? id : z->name.en}
             : Text{id, id};
  }
  std::string at(double t, const std::string& lang) const { return fmt_duration(t, lang); }

  /// Why a unit came late or never: its dispatch, reroutes around closed roads, unreachable targets.
  Text unit_cause(const std::string& unit, std::vector<Evidence>& ev) const {
    Text t;
    if (unit.empty()) return t;
    const Text name = unit_name(unit);
    const Event* dispatch = nullptr;
    const Event* arrival = nullptr;
    // The same "on scene" as the KPI: any arrival to work on the hazard (not relief or patient transport).
    for (const auto& e : run_.events) {
      if (subject(e) != unit || arrival) continue;
      const std::string task = text(e.payload, "task");
      const bool work = task != "relief" && task != "transport_patients";
      if (e.type == "unit.dispatched" && work) dispatch = &e;
      if (e.type == "unit.arrived" && work) arrival = &e;
    }
    if (!dispatch) {
      add(t, name.zh + "从未被调派前往现场。", name.en + " was never dispatched to the scene.");
      return t;
    }
    ev.push_back(evidence_of(*dispatch));
    add(t, name.zh + "于" + at(dispatch->t, "zh") + "被调派(事件" + ev_ref(*dispatch) + ")",
        name.en + " was dispatched at " + at(dispatch->t, "en") + " (event " + ev_ref(*dispatch) + ")");
    if (dispatch->payload.contains("eta_s") && dispatch->payload["eta_s"].is_number())
      add(t, ",预计行驶" + fmt_duration(dispatch->payload["eta_s"].get<double>(), "zh"),
          "with an ETA of " + fmt_duration(dispatch->payload["eta_s"].get<double>(), "en"));
    if (arrival)
      add(t, ",于" + at(arrival->t, "zh") + "到达(事件" + ev_ref(*arrival) + ")。",
          "and arrived at " + at(arrival->t, "en") + " (event " + ev_ref(*arrival) + ").");
    else
      add(t, ",但未能到达现场。", "but never arrived.");
    if (arrival) ev.push_back(evidence_of(*arrival));
    const long end_seq = arrival ? arrival->seq : std::numeric_limits<long>::max();
    for (const auto& e : run_.events) {
      if (e.seq <= dispatch->seq || e.seq >= end_seq || subject(e) != unit) continue;
      if (e.type == "unit.rerouted") {
        const std::string road = text(e.payload, "closed_road");
        const Event* closed = nullptr;
        for (const auto& c : run_.events)
          if (c.type == "road.closed" && subject(c) == road && c.seq < e.seq) closed = &c;
        const Text rn = road_name(road);
        ev.push_back(evidence_of(e));
        if (closed) {
          ev.push_back(evidence_of(*closed));
          add(t,
              "原因:" + rn.zh + "于" + at(closed->t, "zh") + "封闭(事件" + ev_ref(*closed) + "),该队于" +
                  at(e.t, "zh") + "绕行(事件" + ev_ref(e) + ")。",
              "It was slowed because " + rn.en + " closed at " + at(closed->t, "en") + " (event " +
                  ev_ref(*closed) + ") and it rerouted at " + at(e.t, "en") + " (event " + ev_ref(e) + ").");
        } else {
          add(t, "该队于" + at(e.t, "zh") + "绕行" + rn.zh + "(事件" + ev_ref(e) + ")。",
              "It rerouted around " + rn.en + " at " + at(e.t, "en") + " (event " + ev_ref(e) + ").");
        }
      } else if (e.type == "unit.unreachable") {
        ev.push_back(evidence_of(e));
        add(t,
            "于" + at(e.t, "zh") + "判定无法到达(" + text(e.payload, "reason") + ",事件" + ev_ref(e) + ")。",
            "At " + at(e.t, "en") + " it found the scene unreachable (" + text(e.payload, "reason") +
                ", event " + ev_ref(e) + ").");
      }
    }
    return t;
  }

  /// Why a report was slow: lost messages and links that were down before it arrived.
  Text comms_cause(double until_s, const std::string& network, std::vector<Evidence>& ev) const {
    Text t;
    int lost = 0;
    std::string first_lost;
    for (const auto& e : run_.events) {
      if (e.t > until_s) break;
      if (e.type == "message.lost" && (network.empty() || text(e.payload, "network") == network)) {
        ++lost;
        ev.push_back(evidence_of(e));
        if (first_lost.empty()) first_lost = ev_ref(e);
      } else if (e.type == "link.down" && (network.empty() || subject(e) == network)) {
        ev.push_back(evidence_of(e));
        const Event* up = nullptr;
        for (const auto& u : run_.events)
          if (u.type == "link.up" && subject(u) == subject(e) && u.seq > e.seq) {
            up = &u;
            break;
          }
        const std::string upz = up ? "至" + at(up->t, "zh") : "至推演结束";
        const std::string upe = up ? " to " + at(up->t, "en") : " to the end of the scenario";
        add(t, "通信网" + subject(e) + "自" + at(e.t, "zh") + upz + "中断(事件" + ev_ref(e) + ")。",
            "Network " + subject(e) + " was down from " + at(e.t, "en") + upe + " (event " + ev_ref(e) +
                ").");
      }
    }
    if (lost > 0)
      add(t, "共丢失" + std::to_string(lost) + "条消息(首条为事件" + first_lost + ")。",
          std::to_string(lost) + " message(s) were lost (first: event " + first_lost + ").");
    return t;
  }

  /// Why people were not warned (or evacuated) in time in `zone`: when the warning was issued compared
  /// with the hazard's arrival, and how much of the zone it reached (or how many had left) by then.
  Text zone_warning_cause(const std::string& zone, bool evacuation, std::vector<Evidence>& ev) const {
    Text t;
    const Event* reached = nullptr;
    for (const auto& e : run_.events)
      if (e.type == "hazard.reached" && subject(e) == zone) {
        reached = &e;
        break;
      }
    if (!reached) return t;
    const Text zn = zone_name(zone);
    const Zone* z = w_.zone(zone);
    const double pop = z ? z->population : 0;
    ev.push_back(evidence_of(*reached));
    add(t, "灾害于" + at(reached->t, "zh") + "到达" + zn.zh + "(事件" + ev_ref(*reached) + ")",
        "The hazard reached " + zn.en + " at " + at(reached->t, "en") + " (event " + ev_ref(*reached) + ")");
    const Event* issued = nullptr;
    for (const auto& e : run_.events)
      if (e.type == "warning.issued" && e.payload.contains("zones") && e.payload["zones"].is_array() &&
          std::find(e.payload["zones"].begin(), e.payload["zones"].end(), zone) != e.payload["zones"].end()) {
        issued = &e;
        break;
      }
    double share = 0, moved = 0;
    const Event* first_evac = nullptr;
    for (const auto& e : run_.events) {
      if (e.seq >= reached->seq) break;
      if (subject(e) == zone && e.type == "warning.delivered") share += e.payload.value("share", 0.0);
      if (subject(e) == zone && e.type == "evacuation.completed") moved += e.payload.value("people", 0.0);
      if (subject(e) == zone && e.type.rfind("evacuation.", 0) == 0 && !first_evac) first_evac = &e;
    }
    share = std::min(1.0, share);
    if (evacuation) {
      const std::string m = fmt_num(std::min(moved, pop), 0), p = fmt_num(pop, 0);
      if (first_evac) {
        ev.push_back(evidence_of(*first_evac));
        add(t, ",此前仅转移" + m + "/" + p + "人(首个转移事件" + ev_ref(*first_evac) + ")。",
            "; only " + m + " of " + p + " people had been evacuated by then (first evacuation event " +
                ev_ref(*first_evac) + ").");
      } else {
        add(t, ",此前未组织该区域人员转移。", "; no evacuation of the zone had started by then.");
      }
      return t;
    }
    if (!issued) {
      add(t, ",但从未向该区域发布预警。", "but no warning was ever issued for it.");
    } else if (issued->seq > reached->seq) {
      ev.push_back(evidence_of(*issued));
      add(t, ",而对该区域的预警于" + at(issued->t, "zh") + "才发布(事件" + ev_ref(*issued) + ")。",
          "but the warning for it was issued only at " + at(issued->t, "en") + " (event " + ev_ref(*issued) +
              ").");
    } else {
      ev.push_back(evidence_of(*issued));
      add(t,
          ";预警于" + at(issued->t, "zh") + "发布(事件" + ev_ref(*issued) + "),但灾害到达前仅覆盖该区域" +
              fmt_pct(share) + "的人口,需增加预警渠道或提前发布。",
          "; the warning was issued at " + at(issued->t, "en") + " (event " + ev_ref(*issued) +
              ") but had reached only " + fmt_pct(share) +
              " of its people when the hazard arrived: the channels did not cover the zone in time.");
    }
    return t;
  }

  Text relief_cause(const std::string& zone, std::vector<Evidence>& ev) const {
    Text t;
    for (const auto& zr : a_.relief)
      if (zr.zone == zone) {
        const Text zn = zone_name(zone);
        merge_evidence(ev, zr.evidence);
        const double left = zr.people - zr.relieved;
        if (left >= 0.5) {
          add(t, zn.zh + "(" + fmt_num(zr.people, 0) + "人)到推演结束仍有" + fmt_num(left, 0) + "人未获基本生活救助",
              zn.en + " (" + fmt_num(zr.people, 0) + " people) still had " + fmt_num(left, 0) +
                  " people without basic relief at the end of the scenario");
          if (zr.last_relief_s >= 0)
            add(t, ",最后一次送达在" + at(zr.last_relief_s, "zh") + "。",
                "; the last delivery was at " + at(zr.last_relief_s, "en") + ".");
          else
            add(t, ",从未有物资送达。", "; no relief ever reached it.");
        } else {
          // Everyone was relieved, but late: say when the clock started and when the relief came.
          double first = -1;
          for (const auto& e : zr.evidence)
            if (e.type == "relief.delivered" && first < 0) first = e.t_s;
          add(t,
              zn.zh + "(" + fmt_num(zr.people, 0) + "人)的救助自" + at(zr.start_s, "zh") + "起计时,首批物资" +
                  (first >= 0 ? at(first, "zh") : std::string("-")) + "送达,最后一批" + at(zr.last_relief_s, "zh") +
                  "送达(距起算" + fmt_duration(zr.last_relief_s - zr.start_s, "zh") + ")。",
              "Relief for " + zn.en + " (" + fmt_num(zr.people, 0) + " people) was due from " + at(zr.start_s, "en") +
                  "; the first delivery came at " + (first >= 0 ? at(first, "en") : std::string("-")) +
                  " and the last at " + at(zr.last_relief_s, "en") + " (" +
                  fmt_duration(zr.last_relief_s - zr.start_s, "en") + " after the clock started).");
        }
      }
    return t;
  }

  Text plan_cause(std::vector<Evidence>& ev) const {
    Text t;
    int n = 0;
    for (const auto& c : a_.clauses) {
      if (c.status != "late" && c.status != "not_done") continue;
      if (++n > 5) break;
      merge_evidence(ev, c.evidence);
      const std::string dl = c.deadline_s >= 0 ? fmt_duration(c.deadline_s, "zh") : "-";
      const std::string dle = c.deadline_s >= 0 ? fmt_duration(c.deadline_s, "en") : "-";
      const std::string nz = c.title.zh.empty() ? c.id : c.title.zh, ne = c.title.en.empty() ? c.id : c.title.en;
      const std::string az = verb_label(c.action, "zh"), ae = verb_label(c.action, "en");
      if (c.status == "late")
        add(t, "条款“" + nz + "”(" + az + ")超过时限" + dl + "完成。",
            "Clause \"" + ne + "\" (" + ae + ") was done after its " + dle + " deadline.");
      else
        add(t, "条款“" + nz + "”(" + az + ")已触发但未完成。",
            "Clause \"" + ne + "\" (" + ae + ") fired but was never done.");
    }
    return t;
  }

  const RunData& run_;
  const RunAnalysis& a_;
  const World& w_;
};

/// Fills {value}, {target} and {subject} of a hazard module's KpiText.
std::string fill(std::string t, const std::string& value, const std::string& target, const std::string& subject) {
  for (const auto& [key, val] : {std::pair<std::string, std::string>{"{value}", value}, {"{target}", target}, {"{subject}", subject}})
    for (size_t at = t.find(key); at != std::string::npos; at = t.find(key, at + val.size()))
      t.replace(at, key.size(), val);
  return t;
}

/// The report text a hazard module gives for its KPI (ModuleParts.hpp KpiText), nullptr if none.
const KpiText* module_text(const std::string& kpi) {
  for (const auto& m : hazard_modules())
    for (const auto& t : m.texts)
      if (t.kpi == kpi) return &t;
  return nullptr;
}

/// The recommendation for an engine KPI, from a catalogue keyed by hazard kind and KPI: a flood's
/// casualties call for earlier transfer and water rescue, a chemical release's for shelter-in-place and
/// a cordon. Hazard modules' own KPIs use their KpiText (find_findings).
Text recommendation_for(const std::string& kind, const std::string& kpi, const KpiValue& v, const Writer& w) {
  const std::string k = kpi;
  const bool flood = kind == "flood";
  const bool chemical = kind == "chemical_release" || kind == "hazmat_road";
  const bool fire = kind == "forest_fire";
  const bool mine = kind == "coal_mine";
  if (k.rfind("t_report_", 0) == 0 || k.rfind("relay_", 0) == 0)
    return {"演练事故信息首报与续报程序:1小时内报县级、各级2小时内逐级上报;"
            "为主通信网中断配备卫星电话等备份手段。",
            "Drill the first-report and relay procedure (county within 1 h, each higher level within 2 h) "
            "and give posts a backup channel (satellite phone) for when the main network fails."};
  if (k == "t_first_unit_min" || k == "t_first_alarm_complete_min") {
    const Text u = w.unit_name(v.subject);
    if (flood)
      return {"按水情预报提前将抢险队伍和冲锋舟前置到" + (v.subject.empty() ? std::string("重点堤段") : u.zh + "负责的堤段") +
                  ",水位达到警戒即上堤,不等险情发生再调派。",
              "Pre-position dyke crews and boats " + (v.subject.empty() ? std::string("at the key dyke sections") : "(" + u.en + ")") +
                  " on the forecast, and send them onto the dyke at the warning stage instead of after the breach."};
    return {"为" + u.zh + "预先规划绕行路线,并核查出动准备时间与力量前置部署。",
            "Pre-plan alternate routes for " + u.en + ", and review its turnout time and pre-positioning."};
  }
  if (k == "warned_before_share") {
    const Text z = w.zone_name(v.subject);
    return {"提前依据预报发布" + z.zh + "等区域的预警,并增加农村地区的预警渠道(警报器、大喇叭)。",
            "Warn " + z.en +
                " and similar zones on the forecast, not on arrival, and add channels that reach rural "
                "areas (sirens, village loudspeakers)."};
  }
  if (k == "evacuated_before_share") {
    const Text z = w.zone_name(v.subject);
    return {"提前启动" + z.zh + "的人员转移,明确转移触发条件和运输力量。",
            "Start the evacuation of " + z.en + " earlier, with a clear trigger and assigned transport."};
  }
  if (k.rfind("relief_", 0) == 0 || k == "unrelieved_share") {
    const Text z = w.zone_name(v.subject);
    const std::string zz = v.subject.empty() ? std::string("受灾区域") : z.zh;
    const std::string ze = v.subject.empty() ? std::string("the affected zones") : z.en;
    if (flood)
      return {"救灾物资随人员转移同步调运:转移开始即向" + zz + "的安置点送达,并在" + zz +
                  "附近前置物资,确保自然灾害发生8小时内受灾人员基本生活得到救助。",
              "Send relief with the evacuation: start deliveries to the shelters of " + ze +
                  " when the transfer starts, and pre-position stocks near " + ze +
                  ", so that basic needs are met within 8 h of the disaster."};
    return {"在" + zz + "附近前置救灾物资,并更早调派救灾运输车辆,确保10小时内基本生活得到救助。",
            "Pre-position relief stocks near " + ze + " and dispatch relief trucks earlier, to meet basic needs within 10 h."};
  }
  if (k.rfind("msg_", 0) == 0)
    return {"为" + (v.subject.empty() ? std::string("主要通信网") : v.subject) + "增加冗余链路并演练通信中断处置。",
            "Add a redundant link for " + (v.subject.empty() ? std::string("the main networks") : v.subject) +
                " and drill the loss of communications."};
  if (k.rfind("plan_", 0) == 0)
    return {"修订超时或未触发的预案条款:核实时限是否可行、触发条件是否过晚。",
            "Revise the late and unfired plan clauses: check that deadlines are feasible and triggers not too late."};
  if (k == "fatalities" || k == "injuries" || k == "lives_saved") {
    if (flood)
      return {"在洪水到达前完成低洼区域群众转移,对未撤离人员组织冲锋舟搜救,并核查转移名单。",
              "Finish moving people out of the low-lying zones before the water comes, search with boats for "
              "those who stayed, and check the transfer lists."};
    if (chemical)
      return {"加快烟羽/危险区内的防护行动(就地避险或疏散),缩短警戒区划定时间。",
              "Speed up protective actions in the danger area (shelter-in-place or evacuation) and set the cordon sooner."};
    if (fire)
      return {"在林火到达前完成林场、村屯人员转移,并为扑火队伍明确安全区和撤离路线。",
              "Evacuate the forest farms and villages before the fire arrives, and give every crew a safety zone and escape route."};
    if (mine)
      return {"加快井下人员撤离和救护队入井救援,核查自救器与避险硐室。",
              "Speed up the withdrawal of miners and the brigade's descent, and check self-rescuers and refuge chambers."};
    return {"加快危险区域内的人员防护与转移。", "Speed up protecting and moving the people in the danger area."};
  }
  return {"分析原因并纳入下次演练。", "Analyse the cause and exercise it again."};
}

void civil_from_days(long z, int& y, unsigned& m, unsigned& d) {
  // Howard Hinnant's algorithm: days since 1970-01-01 to a proleptic Gregorian date.
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = unsigned(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = int(yoe) + int(era) * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
}

long days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = unsigned(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + long(doe) - 719468;
}

/// Shelters the evacuees overfilled: the engine places evacuees up to a shelter's capacity and counts
/// the rest as evacuated without a place (population.account.unsheltered); no KPI scores it, so it is
/// a finding of its own, with the zones whose people had no place.
void shelter_findings(const RunData& run, const Writer& w, Findings& out) {
  std::map<std::string, const Event*> first_over;
  for (const auto& e : run.events)
    if (e.type == "shelter.over_capacity" && !e.actors.empty() && !first_over.count(e.actors[0]))
      first_over[e.actors[0]] = &e;
  for (const auto& [shelter, e] : first_over) {
    const Facility* f = run.scenario.world.facility(shelter);
    const Text sn = f ? Text{f->name.zh.empty() ? shelter : f->name.zh, f->name.en.empty() ? shelter : f->name.en}
                      : Text{shelter, shelter};
    const double cap = e->payload.value("capacity", 0.0);
    double without = 0;
    Text zones;
    Finding fi;
    fi.kpi = "shelter_capacity_" + shelter;
    fi.scored = false;
    fi.evidence.push_back(evidence_of(*e));
    for (const auto& a : run.events) // the accounts at the end: who had no place
      if (a.type == "population.account" && a.payload.value("unsheltered", 0.0) >= 0.5) {
        bool to_this = false;
        for (const auto& s : run.events)
          if (s.type == "evacuation.started" && !s.actors.empty() && s.actors[0] == a.actors[0] &&
              s.payload.value("shelter", "") == shelter)
            to_this = true;
        if (!to_this) continue;
        const double n = a.payload.value("unsheltered", 0.0);
        without += n;
        const Text zn = w.zone_name(a.actors[0]);
        add(zones, (zones.zh.empty() ? "" : "、") + zn.zh + fmt_num(n, 0) + "人",
            (zones.en.empty() ? "" : ", ") + zn.en + " " + fmt_num(n, 0));
        fi.evidence.push_back(evidence_of(a));
      }
    fi.title = {sn.zh + "超出容量(" + fmt_num(cap, 0) + "人):" + fmt_num(without, 0) + "名转移群众无安置床位",
                sn.en + " over capacity (" + fmt_num(cap, 0) + " places): " + fmt_num(without, 0) +
                    " evacuees had no place"};
    fi.analysis = {"于" + w.at(e->t, "zh") + "满员(事件#" + std::to_string(e->seq) + ")" +
                       (zones.zh.empty() ? "。" : ";无床位:" + zones.zh + "。"),
                   "Full at " + w.at(e->t, "en") + " (event #" + std::to_string(e->seq) + ")" +
                       (zones.en.empty() ? "." : "; without a place: " + zones.en + ".")};
    ImprovementItem item;
    item.kpi = fi.kpi;
    item.capability = {"受灾人员基本生活救助", "Mass care (basic relief)"};
    item.recommendation = {"为" + sn.zh + "指定备用安置点,按转移人数分配避难场所,转移令中写明分流方案。",
                           "Name an overflow site for " + sn.en +
                               ", share the evacuees among shelters by the numbers to be moved, and put the "
                               "split in the evacuation order."};
    item.agency = {"鹤岗市民政局、市应急管理局", "Hegang Civil Affairs Bureau and Emergency Management Bureau"};
    item.due_days = 90;
    item.due = {"演练后90天", "exercise + 90 days"};
    out.plan.push_back(item);
    out.improvements.push_back(std::move(fi));
  }
}

} // namespace

std::string add_days(const std::string& iso, int days) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (iso.size() < 10 || std::sscanf(iso.c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3 || m < 1 || m > 12 ||
      d < 1 || d > 31)
    return "";
  civil_from_days(days_from_civil(y, m, d) + days, y, m, d);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
  return buf;
}

Findings find_findings(const RunData& run, const RunAnalysis& a, const Scorecard& sc, const Rubric& rubric) {
  (void)rubric;
  Findings out;
  Writer w(run, a);
  for (const auto& s : sc.kpis) {
    if (!s.score || !s.rule) continue;
    const KpiValue* v = a.kpi(s.kpi);
    const KpiInfo* info = find_kpi(s.kpi);
    const Capability* cap = nullptr;
    for (const auto& c : sc.capabilities)
      if (c.id == s.capability) cap = c.cap;
    Finding f;
    f.kpi = s.kpi;
    f.capability = s.capability;
    f.score = *s.score;
    f.evidence = v->evidence;
    const double target = s.rule->curve.target;
    const std::string tz = fmt_kpi_value(target, info->unit, "zh"),
                      te = fmt_kpi_value(target, info->unit, "en");
    const bool time_kpi = info->unit == "min" || info->unit == "h";
    const double to_s = info->unit == "min" ? 60.0 : 3600.0;
    if (!v->value) {
      f.title = {info->name.zh + ":未实现(" + v->note.zh + "),目标 " + tz,
                 info->name.en + ": not achieved (" + v->note.en + "); target " + te};
    } else {
      const std::string vz = fmt_kpi_value(*v->value, info->unit, "zh"),
                        ve = fmt_kpi_value(*v->value, info->unit, "en");
      // A lower bound reads "at least x": the thing had not happened by the end of the run.
      const std::string vzb = v->lower_bound ? "至少" + vz : vz, veb = v->lower_bound ? "at least " + ve : ve;
      if (s.met && time_kpi) {
        const double early = (target - *v->value) * to_s;
        f.title = {info->name.zh + ":" + vz + ",达到" + tz + "目标" +
                       (early > 30 ? "(提前" + fmt_duration(early, "zh") + ")" : ""),
                   info->name.en + ": " + ve + ", within the " + te + " target" +
                       (early > 30 ? " (" + fmt_duration(early, "en") + " to spare)" : "")};
      } else if (s.met) {
        f.title = {info->name.zh + ":" + vz + ",达到目标 " + tz,
                   info->name.en + ": " + ve + ", meets the target of " + te};
      } else if (s.bound) {
        f.title = {info->name.zh + ":" + vzb + "(推演结束时仍未完成),目标 " + tz,
                   info->name.en + ": " + veb + " (still not done when the run ended); target " + te};
      } else if (time_kpi) {
        const double late = (*v->value - target) * to_s;
        f.title = {info->name.zh + ":" + vzb + ",超出" + tz + "目标" + (v->lower_bound ? "至少" : "") +
                       fmt_duration(late, "zh"),
                   info->name.en + ": " + veb + ", " + (v->lower_bound ? "at least " : "") +
                       fmt_duration(late, "en") + " after the " + te + " target"};
      } else {
        f.title = {info->name.zh + ":" + vzb + ",未达到目标 " + tz,
                   info->name.en + ": " + veb + " against a target of " + te};
      }
      if (!v->clock.empty() && v->clock != "incident_start")
        if (const ClockInfo* c = find_clock(v->clock))
          add(f.title, ";自" + c->name.zh + "起算", "; counted from " + c->name.en);
    }
    if (s.met) {
      out.strengths.push_back(std::move(f));
      continue;
    }
    // Cause analysis from the log.
    const std::string& k = s.kpi;
    if (k == "t_first_unit_min" || k == "t_first_alarm_complete_min")
      f.analysis = w.unit_cause(v->subject, f.evidence);
    else if (k.rfind("t_report_", 0) == 0 || k.rfind("relay_", 0) == 0) {
      double until = run.end_s;
      for (const auto& e : v->evidence)
        if (e.type == "report.received") until = e.t_s;
      f.analysis = w.comms_cause(until, "", f.evidence);
    } else if (k == "warned_before_share" || k == "evacuated_before_share")
      f.analysis = w.zone_warning_cause(v->subject, k == "evacuated_before_share", f.evidence);
    else if (k.rfind("relief_", 0) == 0 || k == "unrelieved_share")
      f.analysis = w.relief_cause(v->subject, f.evidence);
    else if (k.rfind("msg_", 0) == 0)
      f.analysis = w.comms_cause(run.end_s, v->subject, f.evidence);
    else if (k.rfind("plan_", 0) == 0)
      f.analysis = w.plan_cause(f.evidence);
    const KpiText* mt = module_text(k);
    if (mt && f.analysis.en.empty() && v->value) {
      const std::string vz = fmt_kpi_value(*v->value, info->unit, "zh"), ve = fmt_kpi_value(*v->value, info->unit, "en");
      const Text sn = w.unit_name(v->subject).en != v->subject ? w.unit_name(v->subject) : w.zone_name(v->subject);
      f.analysis = {fill(mt->finding_zh, vz, tz, sn.zh), fill(mt->finding_en, ve, te, sn.en)};
    }
    if (f.analysis.en.empty())
      f.analysis = {"日志中未发现明确原因,需结合现场观察分析。",
                    "The log shows no single cause; review it with the evaluators' observations."};

    ImprovementItem item;
    item.kpi = k;
    item.capability = cap ? cap->name : Text{s.capability, s.capability};
    item.recommendation = recommendation_for(run.scenario.incident.kind, k, *v, w);
    item.agency = cap && !cap->agency.en.empty()
                      ? cap->agency
                      : Text{"鹤岗市应急管理局", "Hegang Emergency Management Bureau"};
    if (mt) {
      item.recommendation = {mt->recommendation_zh, mt->recommendation_en};
      if (!mt->agency_en.empty()) item.agency = {mt->agency_zh, mt->agency_en};
    }
    if (k == "t_first_unit_min" || k == "t_first_alarm_complete_min")
      if (const Unit* u = run.scenario.world.unit(v->subject); u && !u->agency.empty())
        item.agency = {u->agency, u->agency + " (" + w.unit_name(v->subject).en + ")"};
    item.due_days = f.score < 30 ? 90 : 180;
    item.due = {"演练后" + std::to_string(item.due_days) + "天", "exercise + " + std::to_string(item.due_days) + " days"};
    out.plan.push_back(std::move(item));
    std::vector<Evidence> unique;
    merge_evidence(unique, f.evidence);
    f.evidence = std::move(unique);
    out.improvements.push_back(std::move(f));
  }
  shelter_findings(run, w, out);
  std::stable_sort(out.improvements.begin(), out.improvements.end(),
                   [](const Finding& x, const Finding& y) { return x.score < y.score; });
  std::stable_sort(out.plan.begin(), out.plan.end(), [&](const ImprovementItem& x, const ImprovementItem& y) {
    auto rank = [&](const std::string& k) {
      for (size_t i = 0; i < out.improvements.size(); ++i)
        if (out.improvements[i].kpi == k) return i;
      return out.improvements.size();
    };
    return rank(x.kpi) < rank(y.kpi);
  });
  // Several KPIs of one capability often lead to the same recommendation: list it once, with the
  // earliest due date (the list is sorted worst first, so the first occurrence is kept).
  std::vector<ImprovementItem> distinct;
  for (auto& item : out.plan) {
    auto same = std::find_if(distinct.begin(), distinct.end(), [&](const ImprovementItem& d) {
      return d.recommendation.en == item.recommendation.en && d.agency.en == item.agency.en;
    });
    if (same == distinct.end())
      distinct.push_back(std::move(item));
    else if (item.due_days < same->due_days) {
      same->due_days = item.due_days;
      same->due = item.due;
    }
  }
  out.plan = std::move(distinct);
  return out;
}

} // namespace hg::score
