/// @file
/// @brief Writing findings as a trainer would: the value against the target, then the cause found in
/// the log, each cause citing its event numbers so the report can link to them.
#include "scoring/Findings.hpp"

#include "scoring/KpiCatalog.hpp"

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
    for (const auto& e : run_.events) {
      if (subject(e) != unit) continue;
      if (e.type == "unit.dispatched" && text(e.payload, "target") == "incident" && !arrival) dispatch = &e;
      if (e.type == "unit.arrived" && text(e.payload, "target") == "incident" && !arrival) arrival = &e;
    }
    if (!dispatch) {
      add(t, name.zh + "从未被调派前往现场。", name.en + " was never dispatched to the incident.");
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
        const std::string left = fmt_num(zr.people - zr.relieved, 0);
        add(t, zn.zh + "(" + fmt_num(zr.people, 0) + "人)到推演结束仍有" + left + "人未获基本生活救助",
            zn.en + " (" + fmt_num(zr.people, 0) + " people) still had " + left +
                " people without basic relief at the end of the scenario");
        if (zr.last_relief_s >= 0)
          add(t, ",最后一次送达在" + at(zr.last_relief_s, "zh") + "。",
              "; the last delivery was at " + at(zr.last_relief_s, "en") + ".");
        else
          add(t, ",从未有物资送达。", "; no relief ever reached it.");
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
      if (c.status == "late")
        add(t, "条款" + c.id + "(" + c.action + ")超过时限" + dl + "完成。",
            "Clause " + c.id + " (" + c.action + ") was done after its " + dle + " deadline.");
      else
        add(t, "条款" + c.id + "(" + c.action + ")已触发但未完成。",
            "Clause " + c.id + " (" + c.action + ") fired but was never done.");
    }
    return t;
  }

  const RunData& run_;
  const RunAnalysis& a_;
  const World& w_;
};

Text recommendation_for(const std::string& kpi, const KpiValue& v, const Writer& w) {
  const std::string k = kpi;
  if (k.rfind("t_report_", 0) == 0 || k.rfind("relay_", 0) == 0)
    return {"演练事故信息首报与续报程序:1小时内报县级、各级2小时内逐级上报;"
            "为主通信网中断配备卫星电话等备份手段。",
            "Drill the first-report and relay procedure (county within 1 h, each higher level within 2 h) "
            "and give "
            "posts a backup channel (satellite phone) for when the main network fails."};
  if (k == "t_first_unit_min" || k == "t_first_alarm_complete_min" || k == "t_first_mine_rescue_min") {
    const Text u = w.unit_name(v.subject);
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
    return {"在" + (v.subject.empty() ? std::string("受灾区域") : z.zh) +
                "附近前置救灾物资,并更早调派救灾运输车辆,确保10小时(自然灾害8小时)内基本生活得到救助。",
            "Pre-position relief stocks near " +
                (v.subject.empty() ? std::string("the affected zones") : z.en) +
                " and dispatch relief trucks earlier, to meet basic needs within 10 h (8 h after a natural "
                "disaster)."};
  }
  if (k.rfind("msg_", 0) == 0)
    return {"为" + (v.subject.empty() ? std::string("主要通信网") : v.subject) +
                "增加冗余链路并演练通信中断处置。",
            "Add a redundant link for " + (v.subject.empty() ? std::string("the main networks") : v.subject) +
                " and drill the loss of communications."};
  if (k.rfind("plan_", 0) == 0)
    return {"修订超时或未触发的预案条款:核实时限是否可行、触发条件是否过晚。",
            "Revise the late and unfired plan clauses: check that deadlines are feasible and triggers not "
            "too late."};
  if (k.rfind("exposed_", 0) == 0 || k == "fatalities" || k == "injuries" || k == "lives_saved")
    return {"加快烟羽/危险区内的防护行动(就地避险或疏散),缩短警戒区划定时间。",
            "Speed up protective actions in the danger area (shelter-in-place or evacuation) and set the "
            "cordon sooner."};
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
      const std::string lbz = v->lower_bound ? "(下限)" : "", lbe = v->lower_bound ? " (lower bound)" : "";
      if (s.met && time_kpi) {
        const double early = (target - *v->value) * to_s;
        f.title = {info->name.zh + ":" + vz + ",达到" + tz + "目标" +
                       (early > 30 ? "(提前" + fmt_duration(early, "zh") + ")" : ""),
                   info->name.en + ": " + ve + ", within the " + te + " target" +
                       (early > 30 ? " (" + fmt_duration(early, "en") + " to spare)" : "")};
      } else if (s.met) {
        f.title = {info->name.zh + ":" + vz + ",达到目标 " + tz,
                   info->name.en + ": " + ve + ", meets the target of " + te};
      } else if (time_kpi) {
        const double late = (*v->value - target) * to_s;
        f.title = {info->name.zh + ":" + vz + lbz + ",超出" + tz + "目标" + fmt_duration(late, "zh"),
                   info->name.en + ": " + ve + lbe + ", " + fmt_duration(late, "en") + " after the " + te +
                       " target"};
      } else {
        f.title = {info->name.zh + ":" + vz + lbz + ",未达到目标 " + tz,
                   info->name.en + ": " + ve + lbe + " against a target of " + te};
      }
    }
    if (s.met) {
      out.strengths.push_back(std::move(f));
      continue;
    }
    // Cause analysis from the log.
    const std::string& k = s.kpi;
    if (k == "t_first_unit_min" || k == "t_first_alarm_complete_min" || k == "t_first_mine_rescue_min")
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
    if (f.analysis.en.empty())
      f.analysis = {"日志中未发现明确原因,需结合现场观察分析。",
                    "The log shows no single cause; review it with the evaluators' observations."};

    ImprovementItem item;
    item.kpi = k;
    item.capability = cap ? cap->name : Text{s.capability, s.capability};
    item.recommendation = recommendation_for(k, *v, w);
    item.agency = cap && !cap->agency.en.empty()
                      ? cap->agency
                      : Text{"鹤岗市应急管理局", "Hegang Emergency Management Bureau"};
    if (k == "t_first_unit_min" || k == "t_first_alarm_complete_min" || k == "t_first_mine_rescue_min")
      if (const Unit* u = run.scenario.world.unit(v->subject); u && !u->agency.empty())
        item.agency = {u->agency, u->agency + " (" + w.unit_name(v->subject).en + ")"};
    item.due_date = add_days(run.start_label, f.score < 30 ? 90 : 180);
    if (item.due_date.empty()) item.due_date = f.score < 30 ? "+90 d" : "+180 d";
    out.plan.push_back(std::move(item));
    std::vector<Evidence> unique;
    merge_evidence(unique, f.evidence);
    f.evidence = std::move(unique);
    out.improvements.push_back(std::move(f));
  }
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
    else if (item.due_date < same->due_date)
      same->due_date = item.due_date;
  }
  out.plan = std::move(distinct);
  return out;
}

} // namespace hg::score
