/// @file
/// @brief Forest-fire KPIs from the event log (see FireKpis.hpp and docs/models/fire.md §12).
#include "sim/hazards/fire/FireKpis.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace hg::fire {

namespace {

const char* const kNoFireZh = "本次推演无森林火灾";
const char* const kNoFireEn = "no forest fire in this run";

double num(const nlohmann::json& p, const char* key) {
  return p.is_object() && p.contains(key) && p[key].is_number() ? p[key].get<double>() : 0.0;
}

/// The fires of the run: id → its fire.ignited event.
std::map<std::string, const Event*> fires(const std::vector<Event>& ev) {
  std::map<std::string, const Event*> out;
  for (const auto& e : ev)
    if (e.type == "fire.ignited" && !e.actors.empty() && !out.count(e.actors[0])) out[e.actors[0]] = &e;
  return out;
}

KpiResult not_applicable() {
  KpiResult r;
  r.note_zh = kNoFireZh;
  r.note_en = kNoFireEn;
  return r;
}

KpiResult first_attack(const KpiInput& in) {
  const auto f = fires(in.events);
  if (f.empty()) return not_applicable();
  const Event* ign = nullptr;
  for (const auto& [id, e] : f)
    if (!ign || e->t < ign->t) ign = e;
  KpiResult r;
  for (const auto& e : in.events)
    if (e.type == "fire.crew_on_line" && e.actors.size() > 1 && f.count(e.actors[1])) {
      r.value = (e.t - ign->t) / 60.0;
      r.evidence = {ign->seq, e.seq};
      r.subject = e.actors.empty() ? "" : e.actors[0];
      return r;
    }
  r.value = (in.end_s - ign->t) / 60.0;
  r.lower_bound = true;
  r.evidence = {ign->seq};
  r.note_zh = "无扑火队伍到达火场作业";
  r.note_en = "no crew worked on the fire";
  return r;
}

/// Area at containment per fire; a fire never contained counts with its last reported area (lower bound).
KpiResult area_at_containment(const KpiInput& in) {
  const auto f = fires(in.events);
  if (f.empty()) return not_applicable();
  std::map<std::string, const Event*> contained, last;
  for (const auto& e : in.events) {
    if (e.actors.empty() || !f.count(e.actors[0])) continue;
    if (e.type == "fire.contained" && !contained.count(e.actors[0])) contained[e.actors[0]] = &e;
    if (e.type == "fire.perimeter") last[e.actors[0]] = &e;
  }
  KpiResult r;
  double area = 0;
  for (const auto& [id, ign] : f) {
    if (auto it = contained.find(id); it != contained.end()) {
      area += num(it->second->payload, "area_ha");
      r.evidence.push_back(it->second->seq);
    } else {
      r.lower_bound = true;
      r.subject = id;
      if (auto l = last.find(id); l != last.end()) {
        area += num(l->second->payload, "area_ha");
        r.evidence.push_back(l->second->seq);
      }
    }
  }
  r.value = area;
  if (r.lower_bound) {
    r.note_zh = "推演结束时火场仍未控制(取最后面积)";
    r.note_en = "not contained by the end of the run (last area)";
  }
  return r;
}

KpiResult final_area(const KpiInput& in) {
  const auto f = fires(in.events);
  if (f.empty()) return not_applicable();
  std::map<std::string, const Event*> last;
  for (const auto& e : in.events)
    if (e.type == "fire.perimeter" && !e.actors.empty() && f.count(e.actors[0])) last[e.actors[0]] = &e;
  KpiResult r;
  double area = 0;
  for (const auto& [id, e] : last) {
    area += num(e->payload, "area_ha");
    r.evidence.push_back(e->seq);
  }
  r.value = area;
  return r;
}

/// Distinct crews named by events of the given types (first event per crew as evidence).
KpiResult crews(const KpiInput& in, const std::set<std::string>& types) {
  const auto f = fires(in.events);
  if (f.empty()) return not_applicable();
  KpiResult r;
  std::set<std::string> units;
  for (const auto& e : in.events)
    if (types.count(e.type) && !e.actors.empty() && units.insert(e.actors[0]).second) {
      r.evidence.push_back(e.seq);
      if (r.subject.empty()) r.subject = e.actors[0];
    }
  r.value = double(units.size());
  return r;
}

/// Settlement zones the fire threatened (inside the projected arrival time) or reached: the share whose
/// evacuation was complete before the fire arrived, or by the end of the run if it never did.
KpiResult evacuated_before(const KpiInput& in) {
  const auto f = fires(in.events);
  if (f.empty()) return not_applicable();
  std::map<std::string, const Event*> threatened, reached, evacuated;
  std::vector<std::string> order;
  for (const auto& e : in.events) {
    if (e.actors.empty()) continue;
    const std::string& z = e.actors[0];
    const bool fire_event = e.actors.size() > 1 && f.count(e.actors[1]);
    if (fire_event && (e.type == "fire.evacuation_needed" || e.type == "fire.reached") &&
        e.payload.value("zone", false)) {
      if (!threatened.count(z)) {
        threatened[z] = &e;
        order.push_back(z);
      }
      if (e.type == "fire.reached" && !reached.count(z)) reached[z] = &e;
    }
    if (e.type == "evacuation.completed" && !evacuated.count(z)) evacuated[z] = &e;
  }
  if (order.empty()) {
    KpiResult r;
    r.note_zh = "火灾未威胁任何居民点";
    r.note_en = "the fire threatened no settlement";
    return r;
  }
  KpiResult r;
  int ok = 0;
  for (const std::string& z : order) {
    r.evidence.push_back(threatened[z]->seq);
    const Event* arr = reached.count(z) ? reached[z] : nullptr;
    const Event* ev = evacuated.count(z) ? evacuated[z] : nullptr;
    if (arr && arr != threatened[z]) r.evidence.push_back(arr->seq);
    if (ev) r.evidence.push_back(ev->seq);
    if (ev && (!arr || ev->t <= arr->t))
      ++ok;
    else if (r.subject.empty())
      r.subject = z;
  }
  std::sort(r.evidence.begin(), r.evidence.end());
  r.value = double(ok) / double(order.size());
  return r;
}

KpiSpec spec(const char* id, const char* zh, const char* en, const char* unit, bool lower_is_better,
             const char* def_zh, const char* def_en, std::function<KpiResult(const KpiInput&)> f) {
  KpiSpec s;
  s.id = id;
  s.zh = zh;
  s.en = en;
  s.unit = unit;
  s.lower_is_better = lower_is_better;
  s.def_zh = def_zh;
  s.def_en = def_en;
  s.compute = std::move(f);
  return s;
}

} // namespace

std::vector<KpiSpec> fire_kpis() {
  return {
      spec("fire_first_attack_min", "森林火灾首次扑救用时", "Time to first attack on the fire", "min", true,
           "起火至第一支扑火队伍进入火线开始作业(fire.crew_on_line)",
           "Ignition to the first crew on the line, walked in and working (fire.crew_on_line)", first_attack),
      spec("fire_area_at_containment_ha", "火场控制时过火面积", "Burned area at containment", "ha", true,
           "fire.contained时的过火面积;未控制时取最后面积(下限)",
           "Burned area when the fire was contained; the last reported area if never (a lower bound)",
           area_at_containment),
      spec("fire_area_final_ha", "推演结束时过火面积", "Burned area at the end", "ha", true,
           "最后一次fire.perimeter的过火面积", "Burned area of the last fire.perimeter", final_area),
      spec("fire_crews_at_risk_count", "扑火队伍遇险(含被困风险)数",
           "Crews at risk of entrapment or entrapped", "count", true,
           "出现fire.entrapment_risk或fire.entrapment的扑火队伍数",
           "Crews named by fire.entrapment_risk or fire.entrapment",
           [](const KpiInput& in) {
             return crews(in, {"fire.entrapment_risk", "fire.entrapment"});
           }),
      spec("fire_crews_entrapped_count", "扑火队伍被火围困数", "Crews entrapped", "count", true,
           "出现fire.entrapment的扑火队伍数", "Crews named by fire.entrapment",
           [](const KpiInput& in) { return crews(in, {"fire.entrapment"}); }),
      spec("fire_villages_evacuated_before_share", "受威胁林场/村屯火前转移比例",
           "Threatened settlements evacuated before the fire", "share", false,
           "林火预计到达或已到达的居民点中,在火到达前(未到达则在推演结束前)完成转移的比例",
           "Of the settlements inside the projected arrival time or reached, the share evacuated before the "
           "fire arrived (by the end of the run if it never did)",
           evacuated_before),
  };
}

std::vector<KpiText> fire_kpi_texts() {
  return {
      {"fire_first_attack_min", "首次扑救用时{value},超过{target}的目标。",
       "First attack came after {value}, later than the {target} target.",
       "高火险期将专业、半专业扑火队伍前置驻防到重点林场,缩短出动和途中时间;"
       "发现火情后立即调派就近林场半专业队伍初期扑救。",
       "Pre-position professional and semi-professional crews at the key forest farms in high fire danger, "
       "and send the nearest farm's semi-professional team to attack as soon as smoke is reported.",
       "市森林草原防灭火指挥部办公室、各林业局",
       "City forest and grassland fire HQ office and the forestry bureaus"},
      {"fire_area_at_containment_ha", "火场控制时过火面积{value},超过{target}的目标。",
       "The fire burned {value} before containment, more than the {target} target.",
       "在火头前方预设阻隔带(间接扑救)并按火险等级提前集结力量,风向突变前完成控制线。",
       "Plan indirect lines ahead of the head fire, muster crews by fire-danger class, and close the line "
       "before a forecast wind shift.",
       "市森林草原防灭火指挥部、鹤北专业森林扑火队",
       "City forest fire HQ and the Hebei professional forest firefighting team"},
      {"fire_area_final_ha", "推演结束时过火面积{value},超过{target}的目标。",
       "{value} had burned by the end of the run, more than the {target} target.",
       "加强初期扑救与阻隔带建设(林火阻隔系统),缩短从发现到控制的时间。",
       "Strengthen initial attack and the fuel-break system (林火阻隔系统) to shorten the time from "
       "detection to control.",
       "市应急管理局、各林业局", "City emergency management bureau and the forestry bureaus"},
      {"fire_crews_at_risk_count", "{value}支扑火队伍(如{subject})出现被困风险。",
       "{value} crews (e.g. {subject}) were at risk of entrapment.",
       "落实扑火安全“四个严禁”,每条控制线明确安全区和撤离路线,风向突变前撤出直接扑救队伍;火焰长度超过1."
       "2米时停止人工直接扑救。",
       "Give every line a safety zone and escape route, pull direct-attack crews out before a forecast wind "
       "shift, and stop hand crews at the fire edge when flames exceed 1.2 m.",
       "现场扑火指挥部", "Fire-line command"},
      {"fire_crews_entrapped_count", "{value}支扑火队伍(如{subject})被火围困。",
       "{value} crews (e.g. {subject}) were entrapped by the fire.",
       "复盘被困经过,修订安全避险规程,配备避火罩并演练紧急避险。",
       "Review each entrapment, revise the safety and escape rules, and drill emergency refuge (fire "
       "shelters).",
       "市森林草原防灭火指挥部", "City forest and grassland fire HQ"},
      {"fire_villages_evacuated_before_share",
       "受威胁居民点火前转移比例{value},低于{target}的目标(如{subject})。",
       "Only {value} of the threatened settlements were evacuated before the fire (e.g. {subject}); "
       "target {target}.",
       "依据预计到达时间(ETA)提前转移林场、村屯群众,预留动员和行车时间,并明确转移路线避开将封闭的道路。",
       "Evacuate forest farms and villages on the projected arrival time, allowing for mobilisation and "
       "driving, on routes that avoid roads the fire will close.",
       "萝北县人民政府、各林场", "Luobei county government and the forest farms"},
  };
}

} // namespace hg::fire
