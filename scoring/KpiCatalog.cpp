/// @file
/// @brief The KPI table. Definitions here are short; docs/scoring.md gives the formulas.
#include "scoring/KpiCatalog.hpp"

#include "scoring/Report.hpp"
#include "scoring/Rubric.hpp"
#include "sim/hazards/HazardRegistry.hpp"

namespace hg::score {

namespace {
const std::vector<KpiInfo>& engine_kpis() {
  static const std::vector<KpiInfo> k = {
      {"t_report_county_min", {"首报县(区)级用时", "Time to first report at county/district level"}, "min", true,
       {"事故发生至县(区)级指挥机构首次收到事故报告", "Incident start to the first incident report received by a county or district post"}},
      {"t_report_city_min", {"首报市级用时", "Time to first report at city level"}, "min", true,
       {"事故发生至市级首次收到报告", "Incident start to the first incident report received by a city post"}},
      {"t_report_province_min", {"首报省级用时", "Time to first report at province level"}, "min", true,
       {"事故发生至省级首次收到报告", "Incident start to the first incident report received by a province post"}},
      {"relay_city_min", {"县(区)→市级上报间隔", "Relay time county → city"}, "min", true,
       {"县(区)级首次收到至市级首次收到", "First county/district report to first city report"}},
      {"relay_province_min", {"市→省级上报间隔", "Relay time city → province"}, "min", true,
       {"市级首次收到至省级首次收到", "First city report to first province report"}},
      {"t_first_unit_min", {"首支力量到场用时", "Time to first unit on scene"}, "min", true,
       {"计时起点至第一支队伍到达现场(事故点、堤防、受灾区域等,不含救灾物资运输)", "Clock start to the first unit arriving to work on the hazard (incident, levee, flooded zone…; not relief or patient transport)"}},
      {"t_first_alarm_complete_min", {"首批力量全部到场用时", "Time to full first-alarm assignment"}, "min", true,
       {"计时起点至首批调派(first_alarm)的全部队伍到达现场", "Clock start until every first-alarm unit has arrived on scene"}},
      {"warned_before_share", {"险区人员提前预警比例", "People in danger warned before the hazard"}, "share", false,
       {"灾害到达前已收到预警的险区人口比例", "Share of people in reached zones warned before the hazard reached them"}},
      {"evacuated_before_share", {"险区人员提前转移比例", "People in danger evacuated before the hazard"}, "share",
       false,
       {"灾害到达前已完成转移的险区人口比例", "Share of people in reached zones evacuated before the hazard reached them"}},
      {"fatalities", {"预计死亡人数", "Expected fatalities"}, "people", true,
       {"各区域最新伤亡估计之和", "Sum of the latest casualties.estimate per zone and hazard"}},
      {"injuries", {"预计受伤人数", "Expected injuries"}, "people", true,
       {"各区域最新伤亡估计之和", "Sum of the latest casualties.estimate per zone and hazard"}},
      {"lives_saved", {"挽救生命数", "Lives saved"}, "people", false,
       {"无响应基线死亡人数 − 本次死亡人数", "Fatalities with no response (same seed) minus fatalities in this run"}},
      {"relief_p50_h", {"基本生活救助用时(中位数)", "Hours to basic relief (median person)"}, "h", true,
       {"受灾人员获得基本生活救助所需小时数的中位数", "Median over affected people of hours to basic relief"}},
      {"relief_p90_h", {"基本生活救助用时(90%)", "Hours to basic relief (90th percentile)"}, "h", true,
       {"受灾人员获得救助用时的90百分位", "90th percentile over affected people of hours to basic relief"}},
      {"relief_max_h", {"基本生活救助用时(最长)", "Hours to basic relief (longest)"}, "h", true,
       {"最后一名受灾人员获得救助的用时", "Hours until the last affected person was relieved"}},
      {"unrelieved_share", {"未获救助人员比例", "Share of affected people never relieved"}, "share", true,
       {"推演结束时仍未获得基本生活救助的受灾人口比例", "Affected people with no relief by the end of the scenario"}},
      {"unit_utilisation_share", {"出动队伍平均占用率", "Mean utilisation of dispatched units"}, "share", false,
       {"出动至归队时间占推演时长比例(出动过的队伍平均)", "Dispatched-to-returned time over scenario duration, mean over units used"}},
      {"units_dispatched_count", {"出动队伍数", "Units dispatched"}, "count", false,
       {"至少出动一次的队伍数", "Units with at least one unit.dispatched"}},
      {"plan_on_time_share", {"预案条款按时完成率", "Plan clauses done on time"}, "share", false,
       {"已触发条款中按时完成的比例", "Share of fired clauses whose action was done on time"}},
      {"plan_late_count", {"预案条款超时数", "Plan clauses done late or not done"}, "count", true,
       {"已触发但超时或未完成的条款数", "Fired clauses done late or never done"}},
      {"plan_never_fired_count", {"预案未触发条款数", "Plan clauses never fired"}, "count", true,
       {"预案中从未触发的条款数", "Clauses in plan.loaded that never fired"}},
      {"msg_delay_mean_s", {"消息平均时延", "Mean message delay"}, "s", true,
       {"已送达消息delay_s的平均值", "Mean delay_s of delivered messages"}},
      {"msg_delay_p90_s", {"消息时延(90%)", "Message delay (90th percentile)"}, "s", true,
       {"已送达消息delay_s的90百分位", "90th percentile of delay_s of delivered messages"}},
      {"msg_lost_share", {"消息丢失率", "Share of messages lost"}, "share", true,
       {"丢失 /(送达+丢失)", "lost / (delivered + lost)"}},
      {"msg_lost_count", {"消息丢失数", "Messages lost"}, "count", true,
       {"message.lost事件数", "Number of message.lost events"}},
  };
  return k;
}
} // namespace

const std::vector<KpiInfo>& kpi_catalog() {
  // The engine's KPIs, then those the hazard modules define (rebuilt when a module is registered).
  static std::vector<KpiInfo> all;
  static size_t generation = ~size_t(0);
  if (generation != hazard_registry_generation()) {
    all = engine_kpis();
    for (const auto& m : hazard_modules())
      for (const auto& s : m.kpis)
        all.push_back({s.id, {s.zh, s.en}, s.unit, s.lower_is_better, {s.def_zh, s.def_en}});
    generation = hazard_registry_generation();
  }
  return all;
}

const KpiInfo* find_kpi(const std::string& id) {
  for (const auto& k : kpi_catalog())
    if (k.id == id)
      return &k;
  return nullptr;
}

std::string kpi_value_text(const KpiValue& v, const std::string& lang) {
  if (!v.applicable)
    return label("na", lang);
  if (!v.value)
    return label("not_achieved", lang);
  const KpiInfo* info = find_kpi(v.id);
  const std::string x = fmt_kpi_value(*v.value, info ? info->unit : "", lang);
  if (!v.lower_bound)
    return x;
  return lang == "zh" ? "至少" + x : "at least " + x;
}

std::string kpi_clock_text(const KpiValue& v, const std::string& lang) {
  const ClockInfo* c = v.clock.empty() ? nullptr : find_clock(v.clock);
  if (!c)
    return "";
  return lang == "zh" ? "自" + c->name.zh + "起算" : "counted from " + c->name.en;
}

} // namespace hg::score
