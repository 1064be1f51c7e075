#pragma once
/// @file
/// @brief The daily fire-danger index: the Canadian Forest Fire Weather Index (FWI) System, equations of
/// Van Wagner & Pickett (1985, Forestry Technical Report 33) and Van Wagner (1987, FTR 35): three fuel
/// moisture codes (FFMC, DMC, DC) carried from day to day, and three behaviour indices (ISI, BUI, FWI),
/// from noon temperature, relative humidity, 10-m wind and 24-h rain. Danger classes and the Chinese
/// five-level mapping are in docs/models/fire.md.
#include <string>

namespace hg::fire {

/// @brief Noon weather of one day.
struct FwiWeather {
  double temp_c = 20;
  double rh_pct = 40;
  double wind_km_h = 10; ///< 10-m open wind
  double rain_mm = 0;    ///< 24-h rain ending at noon
  int month = 4;         ///< 1..12 (day-length factors, northern hemisphere ~46° N as in the original)
};

/// @brief The six codes and indices of one day.
struct FwiCodes {
  double ffmc = 85; ///< fine fuel moisture code (start-up value 85)
  double dmc = 6;   ///< duff moisture code (start-up 6)
  double dc = 15;   ///< drought code (start-up 15)
  double isi = 0;
  double bui = 0;
  double fwi = 0;
};

/// @brief One day of the FWI System from yesterday's codes. Throws std::invalid_argument naming the field
/// for an RH outside 0..100, a negative wind or rain, or a month outside 1..12.
FwiCodes fwi_next_day(const FwiCodes& yesterday, const FwiWeather& w);

/// @brief Danger class of an FWI value, the class breaks of the Canadian Wildland Fire Information System
/// (low < 5, moderate < 10, high < 20, very high < 30, extreme ≥ 30): 1..5.
int fwi_danger_class(double fwi);

/// @brief Bilingual label of a class, e.g. "high / 高".
std::string fwi_danger_label(int danger_class);

} // namespace hg::fire
