/// @file
/// @brief Rothermel (1983) fine dead fuel moisture tables. Numbers transcribed from GTR INT-143 tables
/// 1 (reference moisture, daytime) and 2–4 (corrections for May–July, Feb–Apr/Aug–Oct, Nov–Jan).
#include "sim/hazards/fire/DeadFuelMoisture.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

namespace hg::fire {

namespace {

// Table 1: rows = dry-bulb 10–29, 30–49, 50–69, 70–89, 90–109, >109 °F; columns = RH 0–4, 5–9, … 95–99, 100
// %.
constexpr int kReference[6][21] = {
    {1, 2, 2, 3, 4, 5, 5, 6, 7, 8, 8, 8, 9, 9, 10, 11, 12, 12, 13, 13, 14},
    {1, 2, 2, 3, 4, 5, 5, 6, 7, 7, 7, 8, 9, 9, 10, 10, 11, 12, 13, 13, 13},
    {1, 2, 2, 3, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 11, 12, 12, 12, 13},
    {1, 1, 2, 2, 3, 4, 5, 5, 6, 7, 7, 8, 8, 8, 9, 10, 10, 11, 12, 12, 13},
    {1, 1, 2, 2, 3, 4, 4, 5, 6, 7, 7, 8, 8, 8, 9, 10, 10, 11, 12, 12, 13},
    {1, 1, 2, 2, 3, 4, 4, 5, 6, 7, 7, 8, 8, 8, 9, 10, 10, 11, 12, 12, 12},
};

// Tables 2–4. For each month group: 12 rows — exposed N 0–30 %, N >30 %, E 0–30 %, E >30 %, S 0–30 %,
// S >30 %, W 0–30 %, W >30 %, then shaded N, E, S, W. Each row has 18 digits: for the six periods
// 08–10, 10–12, 12–14, 14–16, 16–18, 18–sunset, the corrections for a site below / level with / above
// the station.
constexpr const char* kCorrection[3][12] = {
    {// May, June, July
     "234111001001111234", "344122112112122344", "223111001001112344", "122001001112234456",
     "233111001001111233", "233112011011112233", "234112001001011233", "456234112001001122",
     "455345334334345455", "445345334344345456", "445345334334345455", "456345334334345445"},
    {// Feb, Mar, Apr, Aug, Sep, Oct
     "345123112112123345", "345334234234334345", "345123111112123345", "334111111123345346",
     "345122111111123345", "345122011011122345", "345123111111123345", "456345123111111334",
     "456455345345455456", "456345345345456456", "456345345345345456", "456456345345345456"},
    {// Nov, Dec, Jan
     "456345234234345456", "456456456456456456", "456344233233345456", "456234223344456456",
     "456345233223344456", "456233112112233456", "456345233233344456", "456456344223234456",
     "456456456456456456", "456456456456456456", "456456456456456456", "456456456456456456"},
};

int month_group(int month) {
  if (month >= 5 && month <= 7) return 0;
  if ((month >= 2 && month <= 4) || (month >= 8 && month <= 10)) return 1;
  return 2;
}

int period(double hour) {
  if (hour < 8 || hour >= 18) return 5; // 18:00–sunset column also used at night (documented limit)
  return static_cast<int>((hour - 8) / 2);
}

} // namespace

Aspect aspect_class(double aspect_deg) {
  double a = std::fmod(aspect_deg, 360.0);
  if (a < 0) a += 360;
  if (a >= 315 || a < 45) return Aspect::kNorth;
  if (a < 135) return Aspect::kEast;
  if (a < 225) return Aspect::kSouth;
  return Aspect::kWest;
}

DeadMoistureResult fine_dead_moisture(const MoistureSite& s) {
  if (!(s.rh_pct >= 0 && s.rh_pct <= 100))
    throw std::invalid_argument("rh_pct: expected 0 to 100 % (got " + std::to_string(s.rh_pct) + ")");
  if (s.month < 1 || s.month > 12)
    throw std::invalid_argument("month: expected 1 to 12 (got " + std::to_string(s.month) + ")");
  const double temp_f = s.temp_c * 9 / 5 + 32;
  int t_row = 0;
  if (temp_f >= 110)
    t_row = 5;
  else if (temp_f >= 90)
    t_row = 4;
  else if (temp_f >= 70)
    t_row = 3;
  else if (temp_f >= 50)
    t_row = 2;
  else if (temp_f >= 30)
    t_row = 1;
  const int rh_col = s.rh_pct >= 100 ? 20 : static_cast<int>(s.rh_pct / 5);
  DeadMoistureResult r;
  r.reference_pct = kReference[t_row][rh_col];
  const int a = static_cast<int>(s.aspect);
  const int row = s.shaded ? 8 + a : 2 * a + (s.slope_pct > 30 ? 1 : 0);
  const int col = 3 * period(s.hour) + static_cast<int>(s.elevation);
  r.correction_pct = kCorrection[month_group(s.month)][row][col] - '0';
  r.fine_dead_pct = r.reference_pct + r.correction_pct;
  return r;
}

} // namespace hg::fire
