#pragma once
/// @file
/// @brief Scores the player actions the MSEL expects: an expected action is met when the team
/// ordered that action (with the arguments named, as a subset) no later than `within_h` after the
/// inject fired — orders taken before the inject count too (the team anticipated it). An inject that
/// never fired is left out of the team's maximum.
#include "sim/drill/Exercise.hpp"

#include <map>
#include <nlohmann/json.hpp>

namespace hg {

/// `fired`: inject id → simulated time it fired; `orders`: the drill's accepted orders
/// ([{id, t_s, team, action}]). Returns {"teams": {id: {points, max, share}}, "items": [...]}.
nlohmann::json score_msel(const Exercise& ex, const std::map<std::string, double>& fired,
                          const nlohmann::json& orders);
/// A bilingual Markdown table of the result.
std::string msel_markdown(const Exercise& ex, const nlohmann::json& scores);

/// True if every argument in `want` is in `have` (lists: every element of `want` is in `have`).
bool args_match(const nlohmann::json& want, const nlohmann::json& have);

} // namespace hg
