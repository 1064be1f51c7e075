/// @file
/// @brief Coal-mine KPIs from the log (see MineKpis.hpp). The mines of a run are the subjects of its
/// `mine.summary` events; a KPI that no mine could apply to is "not applicable".
#include "sim/hazards/mine/MineKpis.hpp"

#include <map>
#include <set>
#include <string>

namespace hg::mine {

namespace {

std::string subject(const Event& e) {
  return e.actors.empty() ? "" : e.actors.front();
}

std::string text(const nlohmann::json& p, const char* k) {
  return p.contains(k) && p[k].is_string() ? p[k].get<std::string>() : "";
}

double number(const nlohmann::json& p, const char* k) {
  return p.contains(k) && p[k].is_number() ? p[k].get<double>() : 0.0;
}

std::set<std::string> mine_ids(const KpiInput& in) {
  std::set<std::string> ids;
  for (const auto& e : in.events)
    if (e.type == "mine.summary") ids.insert(subject(e));
  return ids;
}

KpiResult not_applicable() {
  KpiResult r;
  r.note_zh = "本次推演没有煤矿灾害模型";
  r.note_en = "no coal-mine hazard in this run";
  return r;
}

/// The latest mine.summary of every mine: the sum of one of its counts.
KpiResult last_summary(const KpiInput& in, const char* field) {
  std::map<std::string, const Event*> last;
  for (const auto& e : in.events)
    if (e.type == "mine.summary" && e.payload.contains(field)) last[subject(e)] = &e;
  if (last.empty()) return not_applicable();
  KpiResult r;
  double v = 0;
  for (const auto& [mine, e] : last) {
    v += number(e->payload, field);
    r.evidence.push_back(e->seq);
    r.subject += (r.subject.empty() ? "" : ", ") + mine;
  }
  r.value = v;
  return r;
}

/// The first unit that starts mine_rescue work on a mine (its rescuers reach a shaft head).
const Event* first_brigade(const KpiInput& in, const std::set<std::string>& mines) {
  for (const auto& e : in.events)
    if (e.type == "unit.work" && text(e.payload, "task") == "mine_rescue" &&
        mines.count(text(e.payload, "hazard")))
      return &e;
  return nullptr;
}

KpiSpec spec(const char* id, const char* zh, const char* en, const char* unit, bool lower, const char* def_zh,
             const char* def_en, std::function<KpiResult(const KpiInput&)> f) {
  KpiSpec k;
  k.id = id;
  k.zh = zh;
  k.en = en;
  k.unit = unit;
  k.lower_is_better = lower;
  k.def_zh = def_zh;
  k.def_en = def_en;
  k.compute = std::move(f);
  return k;
}

} // namespace

std::vector<KpiSpec> mine_kpis() {
  std::vector<KpiSpec> v;
  v.push_back(spec("mine_miners_out_alive", "升井生还矿工", "Miners out alive", "people", false,
                   "运行结束时已升井的存活矿工（各矿最后一条 mine.summary 的 out）",
                   "miners on the surface alive at the end (out of each mine's last mine.summary)",
                   [](const KpiInput& in) { return last_summary(in, "out"); }));
  v.push_back(spec(
      "mine_miners_out_alive_share", "升井生还比例", "Miners out alive, share", "share", false,
      "升井生还矿工 / 事故时井下人数（各矿第一条 mine.summary 的 underground）",
      "miners out alive / miners underground at the start (underground of each mine's first mine.summary)",
      [](const KpiInput& in) {
        KpiResult r = last_summary(in, "out");
        if (!r.value) return r;
        std::map<std::string, const Event*> first;
        for (const auto& e : in.events)
          if (e.type == "mine.summary" && e.payload.contains("underground") && !first.count(subject(e)))
            first[subject(e)] = &e;
        double underground = 0;
        for (const auto& [mine, e] : first) {
          underground += number(e->payload, "underground");
          r.evidence.push_back(e->seq);
        }
        if (underground <= 0) {
          r.value.reset();
          r.note_zh = "事故时井下无人";
          r.note_en = "nobody was underground";
          return r;
        }
        r.value = *r.value / underground;
        return r;
      }));
  v.push_back(spec("mine_miners_dead", "遇难矿工", "Miners dead", "people", true,
                   "运行结束时遇难矿工（各矿最后一条 mine.summary 的 dead）",
                   "miners dead at the end (dead of each mine's last mine.summary)",
                   [](const KpiInput& in) { return last_summary(in, "dead"); }));
  v.push_back(spec(
      "mine_brigade_at_head_min", "救护队到达井口用时", "Brigade at the mine head", "min", true,
      "事故发生至第一支矿山救护队在井口开始救护工作（unit.work, task mine_rescue）",
      "accident to the first mine rescue unit starting work at a shaft head (unit.work, task mine_rescue)",
      [](const KpiInput& in) {
        const auto mines = mine_ids(in);
        if (mines.empty()) return not_applicable();
        KpiResult r;
        if (const Event* e = first_brigade(in, mines)) {
          r.value = (e->t - in.t0_s) / 60.0;
          r.subject = subject(*e);
          r.evidence = {e->seq};
        } // else: applicable without a value (no note) — the brigade never came, which scores 0
        return r;
      }));
  v.push_back(spec(
      "mine_brigade_drive_min", "救护队行车时间", "Brigade drive to the mine", "min", true,
      "第一支到达井口的矿山救护队：出动（unit.dispatched）至到达井口，对照30分钟行车时间规定",
      "first mine rescue unit at a shaft head: its departure (unit.dispatched) to its arrival, against the "
      "30-minute drive norm",
      [](const KpiInput& in) {
        const auto mines = mine_ids(in);
        if (mines.empty()) return not_applicable();
        KpiResult r;
        const Event* at = first_brigade(in, mines);
        if (!at) return r; // never arrived: applicable, no value (scores 0)
        const Event* left = nullptr;
        for (const auto& e : in.events) {
          if (e.seq >= at->seq) break;
          if (e.type == "unit.dispatched" && subject(e) == subject(*at)) left = &e;
        }
        r.subject = subject(*at);
        if (left) {
          r.value = (at->t - left->t) / 60.0;
          r.evidence = {left->seq, at->seq};
        } else {
          r.note_zh = "日志中没有该队的出动记录";
          r.note_en = "the unit's departure is not in the log";
        }
        return r;
      }));
  v.push_back(spec("mine_first_rescue_underground_min", "井下首次救人用时", "First rescue underground", "min",
                   true, "事故发生至救护小队在井下第一次到达遇险矿工（mine.rescue reached_group）",
                   "accident to a rescue team first reaching miners underground (mine.rescue reached_group)",
                   [](const KpiInput& in) {
                     if (mine_ids(in).empty()) return not_applicable();
                     KpiResult r;
                     for (const auto& e : in.events)
                       if (e.type == "mine.rescue" && text(e.payload, "action") == "reached_group") {
                         r.value = (e.t - in.t0_s) / 60.0;
                         r.subject = text(e.payload, "group");
                         r.evidence = {e.seq};
                         return r;
                       }
                     // Nobody reached: a failure (no value, scores 0) if someone alive underground
                     // needed a team once the brigade was at the head (or at any time, if it never
                     // came); not applicable if nobody did (all walked out, or died before it came).
                     const Event* brigade = first_brigade(in, mine_ids(in));
                     auto needs_team = [](const std::string& st) {
                       return st == "incapacitated" || st == "trapped" || st == "in_refuge";
                     };
                     std::map<std::string, const Event*> state; // group → its latest mine.group
                     bool checked = false;
                     for (const auto& e : in.events) {
                       if (brigade && !checked && e.seq >= brigade->seq) {
                         checked = true;
                         for (const auto& [g, last] : state)
                           if (needs_team(text(last->payload, "state"))) r.evidence.push_back(last->seq);
                       }
                       if (e.type != "mine.group") continue;
                       state[subject(e)] = &e;
                       if ((!brigade || checked) && needs_team(text(e.payload, "state")))
                         r.evidence.push_back(e.seq);
                     }
                     if (!r.evidence.empty()) r.subject = "";
                     if (r.evidence.empty()) {
                       r.note_zh = "井下没有需要救护队救出的人员（均自行升井或当场遇难）";
                       r.note_en = "nobody underground needed a rescue team (all walked out or died at once)";
                     }
                     return r;
                   }));
  v.push_back(
      spec("mine_hospital_arrivals", "送达医院的伤员", "Casualties in hospital", "people", false,
           "从矿井交给救护车并送达医院的伤员（patients.delivered）",
           "casualties from a mine handed to ambulances and delivered to a hospital (patients.delivered)",
           [](const KpiInput& in) {
             const auto mines = mine_ids(in);
             if (mines.empty()) return not_applicable();
             std::set<std::string> units; // ambulances that loaded patients from a mine
             KpiResult r;
             double n = 0;
             for (const auto& e : in.events) {
               if (e.type == "patients.loaded" && mines.count(text(e.payload, "hazard")))
                 units.insert(subject(e));
               if (e.type == "patients.delivered" && units.count(subject(e))) {
                 n += number(e.payload, "patients");
                 r.evidence.push_back(e.seq);
               }
             }
             r.value = n;
             return r;
           }));
  v.push_back(spec(
      "mine_casualties_in_hospital_share", "伤员入院比例", "Casualties in hospital, share", "share", false,
      "送达医院的伤员 / 升井后需要送医的伤员（mine.patients brought_out）",
      "casualties delivered to a hospital / casualties brought out who need one (mine.patients brought_out)",
      [](const KpiInput& in) {
        const auto mines = mine_ids(in);
        if (mines.empty()) return not_applicable();
        std::set<std::string> units;
        double out = 0, delivered = 0;
        KpiResult r;
        for (const auto& e : in.events) {
          if (e.type == "mine.patients" && text(e.payload, "action") == "brought_out") {
            out += number(e.payload, "count");
            r.evidence.push_back(e.seq);
          }
          if (e.type == "patients.loaded" && mines.count(text(e.payload, "hazard"))) units.insert(subject(e));
          if (e.type == "patients.delivered" && units.count(subject(e))) {
            delivered += number(e.payload, "patients");
            r.evidence.push_back(e.seq);
          }
        }
        if (out <= 0) {
          r.evidence.clear();
          r.note_zh = "没有需要送医的升井伤员";
          r.note_en = "no casualty was brought out who needed a hospital";
          return r;
        }
        r.value = delivered / out;
        return r;
      }));
  return v;
}

std::vector<KpiText> mine_kpi_texts() {
  const std::string rescue_zh = "鹤岗区域矿山救护大队、事故煤矿",
                    rescue_en = "Hegang regional mine rescue brigade and the mine";
  const std::string health_zh = "市卫生健康委（120急救中心）、鹤矿医院",
                    health_en = "City health commission (120 centre) and 鹤矿 hospital";
  return {
      {"mine_miners_out_alive", "升井生还 {value} 人，低于目标 {target} 人。",
       "{value} miners were out alive, fewer than the target of {target}.",
       "复核井下避灾路线、自救器佩戴训练和调度室撤人指令，缩短撤离时间。",
       "Review the escape routes, self-rescuer donning drills and the dispatcher's order to withdraw, so "
       "that miners get out sooner.",
       "事故煤矿（调度室、通风科）", "The mine (dispatch and ventilation departments)"},
      {"mine_miners_out_alive_share", "升井生还比例为 {value}，低于目标 {target}。",
       "A share of {value} of the miners got out alive, below the target of {target}.",
       "复核井下避灾路线、自救器佩戴训练和调度室撤人指令；被困人员多时尽早增调救护力量。",
       "Review the escape routes, self-rescuer drills and the dispatcher's order to withdraw; call more "
       "rescue teams early when many are trapped.",
       "事故煤矿、鹤岗区域矿山救护大队", "The mine and the Hegang regional mine rescue brigade"},
      {"mine_miners_dead", "遇难 {value} 人，超过目标 {target} 人。",
       "{value} miners died, more than the target of {target}.",
       "分析遇难位置与原因（爆炸、CO、溺水），加强避难硐室与压风自救系统，提前撤人。",
       "Analyse where and how miners died (blast, CO, drowning); strengthen refuge chambers and "
       "compressed-air stations, and withdraw people earlier.",
       "事故煤矿、市应急管理局", "The mine and the city emergency management bureau"},
      {"mine_brigade_at_head_min", "第一支矿山救护队在事故后 {value} 分钟到达井口（目标 {target} 分钟）。",
       "The first mine rescue unit reached the mine head {value} min after the accident (target {target} "
       "min).",
       "缩短事故报告和救护队召请时间：调度室接报即召请救护队，救护队接警1分钟内出动。",
       "Shorten the report and call-out: the mine dispatcher calls the brigade as soon as it knows, and the "
       "brigade leaves within 1 min.",
       rescue_zh, rescue_en},
      {"mine_brigade_drive_min", "救护队行车 {value} 分钟，超过 {target} 分钟的规定。",
       "The brigade drove {value} min, beyond the {target}-minute norm.",
       "按“行车时间不超过30分钟”复核救护队驻点布局，必要时在远端矿区设立救护中队或待机点。",
       "Check the brigade's stations against the 30-minute drive norm; station a squad near the far mines if "
       "needed.",
       rescue_zh, rescue_en},
      {"mine_first_rescue_underground_min",
       "事故后 {value} 分钟救护小队才在井下到达遇险人员（目标 {target} 分钟）。",
       "Rescue teams first reached miners underground {value} min after the accident (target {target} min).",
       "救护小队到达后尽快入井侦察，设立井下基地，优先搜救失能人员。",
       "Get teams underground and a fresh-air base set up quickly after arrival; search for incapacitated "
       "miners first.",
       rescue_zh, rescue_en},
      {"mine_hospital_arrivals", "仅 {value} 名伤员送达医院（目标 {target} 人）。",
       "Only {value} casualties reached a hospital (target {target}).",
       "事故发生即通知鹤矿医院、兴山区人民医院准备收治，救护车在井口待命，按升井伤员数量增派。",
       "Alert 鹤矿 and 兴山区 hospitals at once, keep ambulances at the mine head, and send more as "
       "casualties come out.",
       health_zh, health_en},
      {"mine_casualties_in_hospital_share", "升井伤员送达医院的比例为 {value}（目标 {target}）。",
       "A share of {value} of the casualties brought out reached a hospital (target {target}).",
       "增加井口待命救护车，预先协调床位，伤员升井后及时转运。",
       "Keep more ambulances at the mine head and arrange beds in advance, so that casualties leave as they "
       "come out.",
       health_zh, health_en},
  };
}

} // namespace hg::mine
