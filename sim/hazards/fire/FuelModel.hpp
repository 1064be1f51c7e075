#pragma once
/// @file
/// @brief The 13 standard fire behavior fuel models of Albini (1976) as catalogued by Anderson (1982),
/// in the units of the original tables (US customary), plus the non-burnable raster codes of Scott &
/// Burgan (2005). The Rothermel computation (Rothermel.hpp) converts to SI only at its interface.
#include <array>
#include <optional>
#include <string>

namespace hg::fire {

/// @brief One static fuel model: five fuel classes (dead 1-h, 10-h, 100-h, live herbaceous, live woody).
struct FuelModel {
  int number = 0;
  std::string code;        ///< "FM1" … "FM13"
  std::string name_en;     ///< Anderson (1982) name
  std::string name_zh;     ///< Chinese label for reports
  double load_1h_t_ac = 0; ///< oven-dry loading, tons per acre
  double load_10h_t_ac = 0;
  double load_100h_t_ac = 0;
  double load_herb_t_ac = 0;
  double load_woody_t_ac = 0;
  double sav_1h_ft = 0;      ///< surface-area-to-volume ratio, 1/ft
  double sav_herb_ft = 1500; ///< live herbaceous SAV, 1/ft
  double sav_woody_ft = 1500;
  double depth_ft = 0;            ///< fuel bed depth, ft
  double dead_extinction_pct = 0; ///< dead fuel moisture of extinction, %
  double heat_btu_lb = 8000;      ///< low heat content, Btu/lb (all classes)
};

/// @brief Fixed particle properties of the 13 models (Albini 1976; Anderson 1982, table 1).
inline constexpr double kSav10hFt = 109;            ///< 10-h SAV, 1/ft
inline constexpr double kSav100hFt = 30;            ///< 100-h SAV, 1/ft
inline constexpr double kParticleDensityLbFt3 = 32; ///< ρp
inline constexpr double kTotalMineral = 0.0555;     ///< S_T
inline constexpr double kEffectiveMineral = 0.010;  ///< S_e

/// @brief The model by number 1..13; nullopt for anything else.
std::optional<FuelModel> fuel_model(int number);

/// @brief Raster codes that do not burn (Scott & Burgan 2005, table 7): 91 urban/developed, 92
/// snow/ice, 93 agricultural, 98 open water, 99 bare ground. Code 0 (no data) does not burn either.
bool is_non_burnable_code(int code);

} // namespace hg::fire
