#pragma once
/// @file
/// @brief An exercise (演练方案): what a drill server runs. It names the scenario — or, for a
/// double-blind drill (双盲演练), a pool of scenario templates, each with its uncertain inputs as
/// parameter ranges, and a time window — the teams with their roles, posts, units, actions, channels
/// and map layers, the master scenario events list (MSEL) with the player actions expected, and how
/// the clock runs. Format: docs/formats.md, "Exercise".
#include "sim/io/Diagnostics.hpp"
#include "sim/io/Scenario.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace hg {

/// A team (推演小组): a role played by people at one command post.
struct Team {
  std::string id;
  std::string role; ///< 指挥部 | 应急局 | 消防 | 医疗 | 交通 | 公安 | 企业
  Names name;
  std::string post;
  std::vector<std::string> units;   ///< the units the team commands (and sees)
  std::vector<std::string> actions; ///< verbs the team may order
  std::vector<std::string>
      channels; ///< message kinds it receives: report, observation, order, request, decision
  std::vector<std::string> layers; ///< map layers its console may show
};

/// A player action the MSEL expects after an inject (scored at the end).
struct ExpectedAction {
  std::string team;
  std::string verb;
  double within_s = 0; ///< after the inject fired
  double points = 1;
  nlohmann::json args = nlohmann::json::object(); ///< arguments that must match (subset), e.g. {zones: [..]}
};

/// One MSEL entry: an inject sent to teams at a time, or when a condition first holds.
struct MselInject {
  std::string id;
  std::optional<double> at_s;  ///< by time
  std::string when_event;      ///< by condition: the first event of this type…
  std::string when_actor;      ///< …naming this actor ("" = any)
  std::vector<std::string> to; ///< team ids
  Names text;
  std::vector<nlohmann::json> attachments; ///< {name, text}
  std::vector<ExpectedAction> expect;
  int line = 0;
};

/// One template of a double-blind pool.
struct PoolEntry {
  std::string scenario; ///< absolute path
  double weight = 1;
};

enum class ClockStart { kPaused, kRunning };

struct Exercise {
  std::string file;
  std::string id;
  Names name;
  std::string kind;                   ///< tabletop | double_blind
  std::string scenario;               ///< tabletop: absolute path
  std::optional<uint64_t> seed;       ///< tabletop: run seed (none = the scenario's)
  std::vector<PoolEntry> pool;        ///< double_blind
  std::string window_from, window_to; ///< double_blind: ISO 8601 start window
  std::string rubric;                 ///< "" = the scenario's
  ClockStart clock_start = ClockStart::kPaused;
  double pace = 60;     ///< simulated s per wall s when running
  double step_s = 1800; ///< the facilitator's default step
  std::vector<Team> teams;
  std::vector<MselInject> msel;

  const Team* team(const std::string& id) const;
  const Team* team_at(const std::string& post) const;
  bool double_blind() const { return kind == "double_blind"; }
};

/// Reads and checks an exercise file; every problem goes to `diag` with file:line:col and field.
/// Team posts, units, actions and MSEL teams are checked against the world of each scenario named.
Exercise load_exercise(const std::string& path, Diagnostics& diag);

/// Team roles (zh) with their English names.
const std::vector<std::pair<std::string, std::string>>& team_roles();

/// Parses "2013-08-10T08:00:00+08:00" (or without seconds / offset: +08:00) to seconds since the
/// epoch (UTC); nullopt if malformed.
std::optional<long long> parse_iso_time(const std::string& s);
/// Formats seconds since the epoch as local time at +08:00, "2013-08-10T08:00:00+08:00".
std::string format_iso_time(long long epoch_s);

} // namespace hg
