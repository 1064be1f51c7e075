#pragma once
/// @file
/// @brief The one action vocabulary shared by the automatic commander (plans) and human teams
/// (drills), so that a team can be compared with the plan clause by clause.
#include "sim/io/Diagnostics.hpp"

#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <vector>

namespace hg {

class YamlCursor;
struct World;

/// Verbs. Arguments (json `args`) per verb:
/// - dispatch:        count, capability, target (place id or "incident"), task (respond|sandbag|pump|
///                    evacuate|rescue|relief), duration_h, first_alarm (bool), outside (bool: allow units
///                    based outside the city)
/// - evacuate:        zones (list), shelter (facility id)
/// - warn:            channels (list), zones (list or ["all_at_risk"]), level (blue|yellow|orange|red)
/// - close_road / reopen_road: road
/// - open_shelter / open_depot: facility
/// - deliver_relief:  zones (list or ["affected"]), depot (facility id), kind (food_water|tents|all)
/// - report:          to (district|county|city|province|national or a post id)
/// - request_support: capability, count, from (province|national)
/// - set_level:       level (IV|III|II|I|none)
/// - shelter_in_place: zones (list or ["all_at_risk"]) — people stay indoors, windows shut
enum class Verb {
  kDispatch,
  kEvacuate,
  kWarn,
  kCloseRoad,
  kReopenRoad,
  kOpenShelter,
  kOpenDepot,
  kDeliverRelief,
  kReport,
  kRequestSupport,
  kSetLevel,
  kShelterInPlace
};

const char* verb_name(Verb v);
/// Parses a verb name; false if unknown.
bool parse_verb(const std::string& s, Verb& out);
const std::vector<std::string>& verb_names();

struct Action {
  Verb verb = Verb::kReport;
  nlohmann::json args = nlohmann::json::object();
  std::string agency;    ///< responsible agency (text)
  double deadline_s = 0; ///< after the trigger; 0 = none
  nlohmann::json to_json() const;
};

/// A decision: an action taken by a post, with the plan clause (or team) behind it.
struct Decision {
  Action action;
  std::string clause; ///< plan clause id, "" for a team decision
  std::string by;     ///< "plan" or a team id
  double trigger_t = 0;
};

/// Reads an action mapping {do: verb, ...args, agency, deadline_min} and checks its arguments
/// against the world (unknown zones, roads, channels, facilities, capabilities).
/// `hazard_targets`: ids the scenario's hazards take work on (levees, fires…), valid dispatch targets
/// besides world places.
Action parse_action(const YamlCursor& c, const World* world, const std::set<std::string>* hazard_targets = nullptr);

/// The same from JSON (decisions entered by people in a drill). `error` is "" when the action is valid,
/// else the first problem ("capability: unknown capability …").
Action parse_action_json(const nlohmann::json& j, const World& world, std::string& error,
                         const std::set<std::string>* hazard_targets = nullptr);

/// Unit capabilities and dispatch tasks: the engine's own and those of every hazard module.
std::vector<std::string> known_capabilities();
std::vector<std::string> known_tasks();

} // namespace hg
