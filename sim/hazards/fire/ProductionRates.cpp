/// @file
/// @brief NWCG sustained hand-line production rates (IRPG PMS 461 / Fireline Handbook PMS 410-1).
/// Where the table splits a fuel model, the row used here is named in the comment; docs/models/fire.md
/// explains why (Lesser Khingan forests).
#include "sim/hazards/fire/ProductionRates.hpp"

namespace hg::fire {

namespace {
// chains/hour per 20-person crew: {Type I, Type II}.
constexpr double kRates[13][2] = {
    {30, 18}, // 1 short grass (grass row; tundra 9/5)
    {24, 16}, // 2 open timber / grass understory
    {5, 3},   // 3 tall grass
    {5, 3},   // 4 chaparral (high pocosin 4/2)
    {6, 4},   // 5 brush
    {6, 4},   // 6 dormant brush / hardwood slash ("others"; black spruce 7/5)
    {4, 2},   // 7 southern rough
    {7, 5},   // 8 closed timber litter, conifers
    {40, 24}, // 9 hardwood litter, hardwoods (conifers 28/16)
    {6, 4},   // 10 timber litter and understory
    {15, 9},  // 11 light logging slash
    {7, 4},   // 12 medium logging slash
    {5, 3},   // 13 heavy logging slash
};
constexpr double kMPerChain = 20.1168;
constexpr double kCrewSize = 20;
} // namespace

std::optional<CrewType> parse_crew_type(const std::string& s) {
  if (s == "type1") return CrewType::kType1;
  if (s == "type2") return CrewType::kType2;
  return std::nullopt;
}

std::string to_string(CrewType t) {
  return t == CrewType::kType1 ? "type1" : "type2";
}

double crew_chains_per_hour(CrewType t, int fuel_model) {
  if (fuel_model < 1 || fuel_model > 13) return 0;
  return kRates[fuel_model - 1][t == CrewType::kType1 ? 0 : 1];
}

double line_m_per_person_s(CrewType t, int fuel_model) {
  return crew_chains_per_hour(t, fuel_model) * kMPerChain / 3600.0 / kCrewSize;
}

} // namespace hg::fire
