#pragma once
/// @file
/// @brief What a hazard module contributes besides its model: the plan-condition quantities it makes
/// observable, the work tasks units can do on it, and its own KPIs. Declared as data so that the
/// plan language, the action checker and scoring read them without knowing the hazard's kind.
#include "sim/io/EventLog.hpp"
#include "sim/world/World.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace hg {

/// @brief A quantity a plan condition can read, e.g. `stage(f_gauge_suibin)` or `fire_area_ha`.
/// Its value comes from what the post has observed (never ground truth): the latest observation of
/// `observed` about the argument, or the max/sum over all subjects.
struct QuantitySpec {
  enum class Read { kValueOfArg, kMaxOverSubjects, kSumOverSubjects };
  std::string name;
  std::string arg;      ///< "" (no argument), or what the argument names: "gauge", "zone", "site", …
  std::string observed; ///< the Observation::quantity it reads
  Read read = Read::kValueOfArg;
  double lo = 0, hi = 0; ///< possible range (for "can never fire" checks)
  std::string meaning;   ///< one line, English / 中文
};

/// @brief A task units can be dispatched to do on a hazard (`dispatch: task: ...`), and the unit
/// capability it needs.
struct TaskSpec {
  std::string task;       ///< e.g. "sandbag"
  std::string capability; ///< e.g. "sandbag"
  std::string meaning;    ///< one line, English / 中文
};

/// @brief The value of a hazard KPI computed from a run's log.
struct KpiResult {
  /// nullopt with a note: not applicable in this run (the note says why; not scored, e.g. no fire);
  /// nullopt without a note: applicable but it never happened (e.g. never contained; scores 0).
  std::optional<double> value;
  bool lower_bound = false;    ///< the true value is at least `value` (e.g. still running at the end)
  std::vector<long> evidence;  ///< event seqs behind the value
  std::string subject;         ///< the zone, unit… the value is about
  std::string note_zh, note_en;
};

/// @brief Everything a KPI computation may read: the run's log and the scenario's world.
struct KpiInput {
  const std::vector<Event>& events;
  const World& world;
  double t0_s;  ///< incident start
  double end_s; ///< end of the run
};

/// @brief A KPI a hazard module defines (scoring lists it beside the engine's own KPIs).
struct KpiSpec {
  std::string id;
  std::string zh, en;     ///< name
  std::string unit;       ///< "min", "h", "people", "share", "count", "ha", …
  bool lower_is_better = true;
  std::string def_zh, def_en; ///< definition, one line
  std::function<KpiResult(const KpiInput&)> compute;
};

/// @brief Report text for one KPI of a hazard module: what the after-action report says when the KPI
/// misses its target, what it recommends and to whom, in Chinese and English. `{value}`, `{target}`
/// and `{subject}` are filled in by the report.
struct KpiText {
  std::string kpi;
  std::string finding_zh, finding_en;
  std::string recommendation_zh, recommendation_en;
  std::string agency_zh, agency_en;
};

} // namespace hg
