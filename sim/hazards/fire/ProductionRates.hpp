#pragma once
/// @file
/// @brief Hand-line production rates: NWCG "Sustained line production rates of 20-person crews for
/// construction, burnout, and holding, in chains/hour" (Incident Response Pocket Guide, PMS 461; the same
/// table as the Fireline Handbook, PMS 410-1), by Anderson fuel model and crew type. Rest periods and
/// cumulative fatigue are already allowed for in the table.
#include <optional>
#include <string>

namespace hg::fire {

enum class CrewType { kType1, kType2 };

/// @brief "type1" | "type2" → CrewType; nullopt otherwise.
std::optional<CrewType> parse_crew_type(const std::string& s);
std::string to_string(CrewType t);

/// @brief Chains per hour built by one 20-person crew in fuel model 1..13 (0 for other codes).
double crew_chains_per_hour(CrewType t, int fuel_model);

/// @brief Metres of line one person builds per second (the crew rate / 20 persons, 1 ch = 20.1168 m).
double line_m_per_person_s(CrewType t, int fuel_model);

/// @brief Flame length above which hand crews must not attack the fire edge directly: 4 ft = 1.2 m
/// (Andrews & Rothermel 1982, GTR INT-131, fire-suppression interpretation of flame length).
inline constexpr double kHandCrewDirectAttackMaxFlameM = 1.2;

} // namespace hg::fire
