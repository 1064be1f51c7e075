/// @file
/// @brief Fixed report texts in both languages, and small encoders shared by the report writers.
#include "scoring/Report.hpp"
#include "sim/hazards/HazardRegistry.hpp"

#include <map>
#include <stdexcept>

namespace hg::score {

std::string label(const std::string& key, const std::string& lang) {
  static const std::map<std::string, std::pair<std::string, std::string>> k = {
      {"title", {"事后评估报告", "After-Action Report"}},
      {"subtitle", {"鹤岗市应急演练 · 自动评估(参照HSEEP结构)", "Hegang emergency drill · automated evaluation (HSEEP structure)"}},
      {"overview", {"一、演练概况", "1. Exercise overview"}},
      {"objectives", {"二、目标与能力评估", "2. Objectives and capabilities"}},
      {"charts", {"三、图表", "3. Charts"}},
      {"strengths", {"四、优点", "4. Strengths"}},
      {"afi", {"五、待改进事项", "5. Areas for improvement"}},
      {"teams", {"六、按决策者评分(预案/团队)", "6. Scores by decision maker (plan / team)"}},
      {"details", {"七、资源、预案与通信", "7. Resources, plan and communications"}},
      {"improvement_plan", {"八、改进计划", "8. Improvement plan"}},
      {"events", {"附录A:证据事件表", "Appendix A: evidence events"}},
      {"sources", {"附录B:目标来源", "Appendix B: sources of targets"}},
      {"scenario", {"想定", "Scenario"}},
      {"hazard", {"事件类型", "Incident kind"}},
      {"seed", {"随机种子", "Seed"}},
      {"draws", {"抽样输入(不确定参数)", "Sampled uncertain inputs"}},
      {"nominal", {"标称值(未抽样)", "nominal (as written, not sampled)"}},
      {"start", {"开始时间", "Start"}},
      {"duration", {"推演时长", "Duration"}},
      {"plan", {"预案", "Plan"}},
      {"rubric", {"评估细则", "Rubric"}},
      {"overall", {"总分", "Overall score"}},
      {"capability", {"能力", "Capability"}},
      {"objective", {"目标", "Objective"}},
      {"weight", {"权重", "Weight"}},
      {"score", {"得分", "Score"}},
      {"rating", {"评级", "Rating"}},
      {"kpi", {"指标", "KPI"}},
      {"value", {"实际值", "Value"}},
      {"target", {"目标", "Target"}},
      {"fail", {"不合格值", "Fail value"}},
      {"curve", {"评分曲线", "Curve"}},
      {"evidence", {"证据", "Evidence"}},
      {"source", {"来源", "Source"}},
      {"note", {"说明", "Note"}},
      {"na", {"不适用", "not applicable"}},
      {"not_achieved", {"未实现", "not achieved"}},
      {"lower_bound", {"下限", "lower bound"}},
      {"other_kpis", {"其他指标(未计分)", "Other indicators (not scored)"}},
      {"kpi_bars", {"指标与目标对比", "KPIs against targets"}},
      {"gantt", {"队伍行动甘特图", "Unit time line"}},
      {"at_risk", {"受威胁人数随时间变化", "People at risk over time"}},
      {"map", {"态势图", "Map"}},
      {"why", {"原因分析", "Analysis"}},
      {"none", {"无", "none"}},
      {"by", {"决策者", "Decision maker"}},
      {"decisions", {"决策数", "Decisions"}},
      {"kpis_touched", {"涉及指标", "KPIs affected"}},
      {"unit", {"队伍", "Unit"}},
      {"agency", {"单位", "Agency"}},
      {"busy", {"占用时间", "Busy"}},
      {"idle", {"空闲时间", "Idle"}},
      {"utilisation", {"占用率", "Utilisation"}},
      {"clause", {"条款", "Clause"}},
      {"action", {"行动", "Action"}},
      {"deadline", {"时限", "Deadline"}},
      {"status", {"状态", "Status"}},
      {"network", {"通信网", "Network"}},
      {"delivered", {"送达", "Delivered"}},
      {"lost", {"丢失", "Lost"}},
      {"mean_delay", {"平均时延", "Mean delay"}},
      {"p90_delay", {"90%时延", "P90 delay"}},
      {"recommendation", {"改进建议", "Recommendation"}},
      {"responsible", {"责任单位", "Responsible agency"}},
      {"due", {"完成期限", "Due date"}},
      {"seq", {"序号", "Seq"}},
      {"time", {"时间", "Time"}},
      {"type", {"类型", "Type"}},
      {"actors", {"对象", "Actors"}},
      {"payload", {"内容", "Payload"}},
      {"relief_zones", {"受灾区域基本生活救助", "Basic relief by zone"}},
      {"zone", {"区域", "Zone"}},
      {"people", {"人数", "People"}},
      {"relieved", {"已救助", "Relieved"}},
      {"rating_legend", {"评级:P 顺利完成;S 完成但存在一些问题;M 完成但存在重大问题;U 未能完成",
                         "Ratings: P performed without challenges; S with some challenges; M with major challenges; U unable to be performed"}},
      {"traceability", {"每个数值后的#编号指向附录A中的日志事件(events.jsonl的seq)。",
                        "Each #number links to the log event (seq in events.jsonl) listed in Appendix A."}},
      {"no_strengths", {"本次演练没有指标达到目标。", "No KPI met its target in this exercise."}},
      {"no_afi", {"全部计分指标均达到目标。", "Every scored KPI met its target."}},
      {"baseline", {"基线", "baseline"}},
      {"events_note", {"仅列出作为证据引用的事件;完整日志见events.jsonl。", "Only events cited as evidence are listed; the full log is events.jsonl."}},
      {"summary_intro", {"本报告由hgdrill根据事件日志和想定自动生成,供导调和评估人员复盘使用。",
                         "hgdrill wrote this report from the event log and the scenario, for trainers and evaluators."}},
  };
  auto it = k.find(key);
  if (it == k.end())
    throw std::logic_error("missing report label: " + key);
  return lang == "zh" ? it->second.first : it->second.second;
}

namespace {
std::string pick(const std::map<std::string, std::pair<std::string, std::string>>& m, const std::string& key,
                 const std::string& lang) {
  auto it = m.find(key);
  if (it == m.end()) return key;
  return lang == "zh" ? it->second.first : it->second.second;
}
} // namespace

std::string decider_name(const std::string& by, const std::string& lang) {
  static const std::map<std::string, std::pair<std::string, std::string>> m = {
      {"plan", {"预案", "plan"}}, {"standing_procedure", {"常设程序", "standing procedure"}}};
  return pick(m, by, lang);
}

std::string hazard_kind_name(const std::string& kind, const std::string& lang) {
  if (const HazardModule* h = hazard_module(kind); h && !h->zh.empty())
    return lang == "zh" ? h->zh : h->en;
  // Incident kinds played without a hazard model of their own.
  static const std::map<std::string, std::pair<std::string, std::string>> m = {
      {"flood", {"洪涝灾害", "flood"}},
      {"forest_fire", {"森林火灾", "forest fire"}},
      {"chemical_release", {"危险化学品泄漏", "chemical release"}},
      {"hazmat_road", {"危险化学品道路运输事故", "dangerous-goods road accident"}},
      {"coal_mine", {"煤矿事故", "coal mine accident"}}};
  return pick(m, kind, lang);
}

std::string verb_label(const std::string& verb, const std::string& lang) {
  static const std::map<std::string, std::pair<std::string, std::string>> m = {
      {"dispatch", {"调派力量", "dispatch"}},       {"evacuate", {"组织转移", "evacuate"}},
      {"warn", {"发布预警", "warn"}},               {"close_road", {"封闭道路", "close road"}},
      {"reopen_road", {"恢复通行", "reopen road"}}, {"open_shelter", {"开放避难场所", "open shelter"}},
      {"open_depot", {"启用物资库", "open depot"}}, {"deliver_relief", {"调运救灾物资", "deliver relief"}},
      {"report", {"信息报告", "report"}},           {"request_support", {"请求支援", "request support"}},
      {"set_level", {"启动响应", "set response level"}}, {"shelter_in_place", {"就地避险", "shelter in place"}}};
  return pick(m, verb, lang);
}

std::string clause_status_label(const std::string& status, const std::string& lang) {
  static const std::map<std::string, std::pair<std::string, std::string>> m = {
      {"on_time", {"按时完成", "on time"}},
      {"late", {"超时完成", "late"}},
      {"not_done", {"已触发未完成", "fired, not done"}},
      {"never_fired", {"未触发", "never fired"}}};
  return pick(m, status, lang);
}

std::string base64(const std::string& bytes) {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned v = (unsigned char)bytes[i] << 16 | (unsigned char)bytes[i + 1] << 8 | (unsigned char)bytes[i + 2];
    out += kAlphabet[v >> 18 & 63];
    out += kAlphabet[v >> 12 & 63];
    out += kAlphabet[v >> 6 & 63];
    out += kAlphabet[v & 63];
  }
  if (i + 1 == bytes.size()) {
    const unsigned v = (unsigned char)bytes[i] << 16;
    out += kAlphabet[v >> 18 & 63];
    out += kAlphabet[v >> 12 & 63];
    out += "==";
  } else if (i + 2 == bytes.size()) {
    const unsigned v = (unsigned char)bytes[i] << 16 | (unsigned char)bytes[i + 1] << 8;
    out += kAlphabet[v >> 18 & 63];
    out += kAlphabet[v >> 12 & 63];
    out += kAlphabet[v >> 6 & 63];
    out += '=';
  }
  return out;
}

std::string json_number(double v) { return nlohmann::json(v).dump(); }

} // namespace hg::score
