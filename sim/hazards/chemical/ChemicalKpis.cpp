/// @file
/// @brief Chemical-release KPIs from the log (see ChemicalKpis.hpp; definitions in
/// docs/models/chemical.md §8).
#include "sim/hazards/chemical/ChemicalKpis.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace hg::chemical {

namespace {

double num(const nlohmann::json& p, const char* key) {
  return p.contains(key) && p[key].is_number() ? p[key].get<double>() : 0.0;
}

/// When the state an event describes held: its payload's model time `t_s` if it has one (the model
/// emits at the end of its step), else the event's time.
double when(const Event& e) {
  return e.payload.contains("t_s") && e.payload["t_s"].is_number() ? e.payload["t_s"].get<double>() : e.t;
}

const std::string& first_actor(const Event& e) {
  static const std::string none;
  return e.actors.empty() ? none : e.actors.front();
}

/// Largest sum over zones, at one report time, of a zone_exposure field.
KpiResult peak_people(const KpiInput& in, const char* field) {
  KpiResult r;
  std::map<std::pair<std::string, double>, std::vector<const Event*>> at; // (hazard, t) → events
  for (const Event& e : in.events)
    if (e.type == "chemical_release.zone_exposure") at[{first_actor(e), e.t}].push_back(&e);
  if (at.empty()) {
    r.note_zh = "无化学品泄漏暴露数据(不适用)";
    r.note_en = "no chemical release exposure in this run (not applicable)";
    return r;
  }
  double best = -1;
  for (const auto& [key, evs] : at) {
    double sum = 0, top = 0;
    std::string zone;
    for (const Event* e : evs) {
      const double v = num(e->payload, field);
      sum += v;
      if (v > top && e->actors.size() > 1) top = v, zone = e->actors[1];
    }
    if (sum > best) {
      best = sum;
      r.value = sum;
      r.subject = zone;
      r.evidence.clear();
      for (const Event* e : evs)
        if (num(e->payload, field) > 0) r.evidence.push_back(e->seq);
      if (r.evidence.empty()) r.evidence.push_back(evs.front()->seq);
    }
  }
  return r;
}

/// First release start of each hazard.
std::map<std::string, const Event*> release_starts(const KpiInput& in) {
  std::map<std::string, const Event*> out;
  for (const Event& e : in.events)
    if (e.type == "chemical_release.release_started" && !out.count(first_actor(e))) out[first_actor(e)] = &e;
  return out;
}

bool protective(const Event& e) {
  return e.type == "shelter.in_place" || e.type == "evacuation.started";
}

KpiResult time_to_protective_action(const KpiInput& in) {
  KpiResult r;
  const auto release = release_starts(in);
  if (release.empty()) {
    r.note_zh = "本次演练未发生泄漏(不适用)";
    r.note_en = "nothing was released in this run (not applicable)";
    return r;
  }
  const Event* rel = release.begin()->second;
  for (const auto& [h, e] : release)
    if (e->seq < rel->seq) rel = e;
  for (const Event& e : in.events)
    if (protective(e)) {
      r.value = std::max(0.0, (e.t - when(*rel)) / 60.0);
      r.subject = first_actor(e);
      r.evidence = {rel->seq, e.seq};
      return r;
    }
  r.value = std::max(0.0, (in.end_s - when(*rel)) / 60.0);
  r.lower_bound = true;
  r.evidence = {rel->seq};
  r.note_zh = "至演练结束未下达就地避险或疏散命令";
  r.note_en = "no shelter-in-place or evacuation order by the end of the run";
  return r;
}

KpiResult protected_before_share(const KpiInput& in) {
  KpiResult r;
  std::map<std::string, const Event*> action; // zone → its first protective action
  double people = 0, protected_people = 0, worst_people = -1;
  for (const Event& e : in.events) {
    if (protective(e) && !action.count(first_actor(e))) action[first_actor(e)] = &e;
    if (e.type != "hazard.reached" || e.payload.value("kind", "") != "chemical_release") continue;
    const std::string& zone = first_actor(e);
    const Zone* z = in.world.zone(zone);
    const double n = z ? z->population : num(e.payload, "people");
    people += n;
    r.evidence.push_back(e.seq);
    auto a = action.find(zone);
    if (a != action.end()) {
      protected_people += n;
      r.evidence.push_back(a->second->seq);
    } else if (n > worst_people) {
      worst_people = n;
      r.subject = zone;
    }
  }
  if (people <= 0) {
    r.note_zh = "毒气未到达任何有人口的区域(不适用)";
    r.note_en = "the gas reached no populated zone (not applicable)";
    r.evidence.clear();
    return r;
  }
  r.value = protected_people / people;
  return r;
}

KpiResult responders_above_aegl2(const KpiInput& in) {
  KpiResult r;
  std::map<std::string, const Event*> latest; // unit → its last exposure event
  for (const Event& e : in.events)
    if (e.type == "chemical_release.responder_exposure") latest[first_actor(e)] = &e;
  if (latest.empty()) {
    r.note_zh = "无处置人员在化学品危险区内作业(不适用)";
    r.note_en = "no responder worked on the chemical release (not applicable)";
    return r;
  }
  double people = 0, worst = -1;
  for (const auto& [unit, e] : latest) {
    const double load = num(e->payload, "toxic_load"), line = num(e->payload, "injury_load");
    const double share = line > 0 ? load / line : 0;
    if (e->payload.value("above_aegl2", false)) {
      people += num(e->payload, "personnel");
      r.evidence.push_back(e->seq);
    }
    if (share > worst) worst = share, r.subject = unit;
  }
  r.value = people;
  if (r.evidence.empty()) r.evidence.push_back(latest.at(r.subject)->seq);
  r.note_zh = "最大吸入剂量为AEGL-2剂量的 " + std::to_string(int(std::round(worst * 100))) + "%";
  r.note_en =
      "largest inhaled dose: " + std::to_string(int(std::round(worst * 100))) + " % of the AEGL-2 load";
  return r;
}

KpiResult release_duration(const KpiInput& in) {
  KpiResult r;
  const Event* start = nullptr;
  for (const Event& e : in.events)
    if (e.type == "chemical_release.release_started") {
      start = &e;
      break;
    }
  if (!start) {
    r.note_zh = "本次演练未发生泄漏(不适用)";
    r.note_en = "nothing was released in this run (not applicable)";
    return r;
  }
  for (const Event& e : in.events)
    if (e.type == "chemical_release.release_stopped" && first_actor(e) == first_actor(*start)) {
      r.value = (when(e) - when(*start)) / 60.0;
      r.evidence = {start->seq, e.seq};
      r.subject = first_actor(e);
      const std::string why = e.payload.value("reason", "");
      r.note_zh = "停止原因: " + why;
      r.note_en = "stopped: " + why;
      return r;
    }
  r.value = (in.end_s - when(*start)) / 60.0;
  r.lower_bound = true;
  r.evidence = {start->seq};
  r.subject = first_actor(*start);
  r.note_zh = "演练结束时仍在泄漏";
  r.note_en = "still releasing at the end of the run";
  return r;
}

KpiSpec spec(std::string id, std::string zh, std::string en, std::string unit, std::string def_zh,
             std::string def_en, std::function<KpiResult(const KpiInput&)> f) {
  KpiSpec s;
  s.id = std::move(id);
  s.zh = std::move(zh);
  s.en = std::move(en);
  s.unit = std::move(unit);
  s.lower_is_better = true;
  s.def_zh = std::move(def_zh);
  s.def_en = std::move(def_en);
  s.compute = std::move(f);
  return s;
}

} // namespace

std::vector<KpiSpec> chemical_kpis() {
  return {
      spec("chem_people_above_aegl2", "吸入浓度超AEGL-2人数(峰值)",
           "People breathing air above AEGL-2 (peak)", "people",
           "每个报告时刻各区域吸入空气(室外或室内)超过AEGL-2的人数之和的最大值(区域取报告间隔内最大值)",
           "largest sum over zones, at one report time, of the people whose own air (outdoor, or indoor by "
           "air exchange) was above AEGL-2 during the report interval (chemical_release.zone_exposure)",
           [](const KpiInput& in) { return peak_people(in, "breathing_aegl2"); }),
      spec("chem_people_above_aegl3", "吸入浓度超AEGL-3人数(峰值)",
           "People breathing air above AEGL-3 (peak)", "people", "同上,阈值为AEGL-3(危及生命)",
           "as above with the AEGL-3 (life-threatening) threshold",
           [](const KpiInput& in) { return peak_people(in, "breathing_aegl3"); }),
      spec("chem_time_to_protective_action_min", "首次公众防护行动用时",
           "Time to the first protective action", "min",
           "自泄漏开始到首次下达就地避险或疏散命令(shelter.in_place / "
           "evacuation.started)的时间(未下达则计至演练结束)",
           "from the start of the release to the first shelter-in-place or evacuation order "
           "(shelter.in_place / evacuation.started), or to the end of the run if none",
           time_to_protective_action),
      [] {
        KpiSpec k =
            spec("chem_protected_before_share", "毒气到达前已采取防护行动的人口比例",
                 "People protected before the gas arrived", "share",
                 "毒气到达(AEGL-2)的各区域人口中,区域在到达前已下达就地避险或疏散命令的比例",
                 "of the people in the zones the gas reached (hazard.reached), the share whose zone had "
                 "a shelter-in-place or evacuation order logged before the gas arrived",
                 protected_before_share);
        k.lower_is_better = false;
        return k;
      }(),
      spec(
          "chem_responders_above_aegl2", "吸入剂量超AEGL-2的处置人员",
          "Responders with an inhaled dose above AEGL-2", "people",
          "在化学品危险区内作业的单位中,呼吸防护后吸入毒性负荷超过AEGL-2(阈值时长)负荷的单位人数之和",
          "personnel of the units working on the release whose inhaled toxic load (behind their respirators) "
          "exceeded the AEGL-2 load of the threshold duration (chemical_release.responder_exposure)",
          responders_above_aegl2),
      spec("chem_release_duration_min", "泄漏持续时间", "Release duration", "min",
           "自开始泄漏到堵漏成功、容器排空或停止的时间(未停止则计至演练结束)",
           "from the start of the release to its stop (plugged, tank empty, stopped), or to the end of the "
           "run",
           release_duration),
  };
}

std::vector<KpiText> chemical_kpi_texts() {
  return {
      {"chem_people_above_aegl2",
       "峰值时有 {value} 人吸入超过AEGL-2的空气(目标 {target}),最多的区域为 {subject}。",
       "At the peak {value} people breathed air above AEGL-2 (target {target}); most of them in {subject}.",
       "依据实时威胁区尽早对下风向区域发布就地避险指令(关闭门窗和通风),对泄漏持续时间长的近区组织提前疏散。",
       "Order shelter-in-place (windows, doors and ventilation shut) downwind as soon as the threat zone is "
       "known, and evacuate the near zones early when the release will last.",
       "市应急管理局、属地政府", "City emergency management bureau and district governments"},
      {"chem_people_above_aegl3",
       "峰值时有 {value} 人吸入超过AEGL-3(危及生命)的空气(目标 {target}),最多的区域为 {subject}。",
       "At the peak {value} people breathed air above AEGL-3 (life-threatening; target {target}); most in "
       "{subject}.",
       "将AEGL-3威胁区内的人员列为首要防护对象:立即就地避险,风向稳定后由上风向疏散。",
       "Make the people inside the AEGL-3 zone the first to protect: shelter at once, then evacuate "
       "crosswind/upwind once the wind is known.",
       "市应急管理局、市消防救援支队", "City emergency management bureau and fire and rescue detachment"},
      {"chem_protected_before_share",
       "毒气到达的区域中仅 {value} 的人口在到达前收到防护行动指令(目标 {target}),如 {subject}。",
       "Only {value} of the people in the zones the gas reached had a protective-action order before it "
       "arrived (target {target}); e.g. {subject}.",
       "按最新风向每15分钟更新威胁区,对新纳入的区域立即发布预警和就地避险指令。",
       "Re-run the threat zone with the current wind every 15 min and warn and shelter each zone it adds at "
       "once.",
       "市应急管理局、市气象局", "City emergency management bureau and meteorological bureau"},
      {"chem_time_to_protective_action_min",
       "首次防护行动指令在泄漏开始 {value} 分钟后才下达(目标 {target} 分钟)。",
       "The first protective-action order came {value} min after the release began (target {target} min).",
       "预案中规定接报即对预测威胁区下达就地避险指令,并预置预警渠道与指令模板。",
       "Make the plan order shelter-in-place for the forecast threat zone on the first report, with warning "
       "channels and message templates ready.",
       "市应急管理局", "City emergency management bureau"},
      {"chem_responders_above_aegl2",
       "{value} 名处置人员吸入剂量超过AEGL-2负荷(目标 {target}),剂量最大的单位为 {subject}。",
       "{value} responders inhaled more than the AEGL-2 load (target {target}); the largest dose was in "
       "{subject}.",
       "洗消点和救护车停靠点设在上风向冷区,风向改变时及时转移,未佩戴空气呼吸器的人员不得进入警戒区。",
       "Set the decontamination and ambulance points upwind in the cold zone, move them when the wind "
       "turns, and keep anyone without SCBA out of the cordon.",
       "市消防救援支队、市卫生健康委", "City fire and rescue detachment and health commission"},
      {"chem_release_duration_min", "泄漏持续 {value} 分钟(目标 {target} 分钟)。",
       "The release lasted {value} min (target {target} min).",
       "增派危化品处置力量轮换作业(空气呼吸器时限内),提前准备堵漏器材与关断阀门方案。",
       "Send more hazmat crews so that entries rotate within the breathing-air time, and prepare the "
       "plugging kit and shut-off valve plan in advance.",
       "市消防救援支队、企业专职消防队", "City fire and rescue detachment and the plant fire brigade"},
  };
}

} // namespace hg::chemical
