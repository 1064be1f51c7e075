/// @file
/// @brief Attributing events to the plan or to a team, so scores can be split by decision maker.
/// The engine copies `by` from the decision into the events it causes; older logs lack it, so the
/// fallbacks follow the chain of command (dispatch → unit events, issue → deliveries).
#include "scoring/RunAnalysis.hpp"

#include <algorithm>

namespace hg::score {

namespace {
std::string text(const nlohmann::json& p, const char* key) {
  return p.is_object() && p.contains(key) && p[key].is_string() ? p[key].get<std::string>() : std::string();
}
bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }
} // namespace

std::map<long, std::string> attribute_events(const std::vector<Event>& events) {
  std::map<long, std::string> out;
  std::map<std::string, std::string> by_post;     // latest decision maker at each post
  std::map<std::string, std::string> by_unit;     // decision maker of each unit's latest dispatch
  std::string last_evacuation_by, last_warning_by;
  std::vector<std::pair<std::vector<std::string>, std::string>> warnings; // zones, by

  for (const auto& e : events) {
    const std::string first = e.actors.empty() ? "" : e.actors[0];
    std::string by = text(e.payload, "by");
    if (by.empty() && starts_with(e.type, "plan."))
      by = "plan";
    if (by.empty() && !text(e.payload, "clause").empty() && e.type != "decision")
      by = "plan";
    if (by.empty()) {
      if (e.type == "unit.dispatched" && e.actors.size() > 1 && by_post.count(e.actors[1]))
        by = by_post[e.actors[1]];
      else if (starts_with(e.type, "unit.") && by_unit.count(first))
        by = by_unit[first];
      else if (e.type == "relief.delivered" && e.actors.size() > 1 && by_unit.count(e.actors[1]))
        by = by_unit[e.actors[1]];
      else if (e.type == "warning.issued" && by_post.count(first))
        by = by_post[first];
      else if (e.type == "warning.delivered") {
        for (auto it = warnings.rbegin(); it != warnings.rend() && by.empty(); ++it)
          if (std::find(it->first.begin(), it->first.end(), first) != it->first.end())
            by = it->second;
        if (by.empty())
          by = last_warning_by;
      } else if (starts_with(e.type, "evacuation."))
        by = last_evacuation_by;
    }
    if (e.type == "decision") {
      by_post[first] = by;
      if (starts_with(text(e.payload, "action"), "evacuat"))
        last_evacuation_by = by;
    } else if (e.type == "unit.dispatched") {
      by_unit[first] = by;
    } else if (e.type == "warning.issued") {
      std::vector<std::string> zones;
      if (e.payload.contains("zones") && e.payload["zones"].is_array())
        for (const auto& z : e.payload["zones"])
          if (z.is_string())
            zones.push_back(z.get<std::string>());
      warnings.push_back({zones, by});
      last_warning_by = by;
    }
    if (!by.empty())
      out[e.seq] = by;
  }
  return out;
}

} // namespace hg::score
