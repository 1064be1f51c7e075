/// @file
/// @brief The 13 Anderson (1982) fuel models. Loadings (t/ac), 1-h SAV (1/ft), depth (ft) and dead
/// moisture of extinction (%) from Anderson (1982) "Aids to determining fuel models for estimating fire
/// behavior", GTR INT-122, table 1, which reproduces Albini (1976) GTR INT-30; live SAV 1500 1/ft,
/// 10-h 109 1/ft, 100-h 30 1/ft and heat content 8000 Btu/lb for all models (same sources).
#include "sim/hazards/fire/FuelModel.hpp"

#include <vector>

namespace hg::fire {

namespace {

const std::vector<FuelModel>& table() {
  // number, code, en, zh, 1h, 10h, 100h, herb, woody, sav1h, savherb, savwoody, depth, Mx
  static const std::vector<FuelModel> t = {
      {1, "FM1", "Short grass (1 ft)", "矮草", 0.74, 0, 0, 0, 0, 3500, 1500, 1500, 1.0, 12},
      {2, "FM2", "Timber (grass and understory)", "林下草地", 2.00, 1.00, 0.50, 0.50, 0, 3000, 1500, 1500,
       1.0, 15},
      {3, "FM3", "Tall grass (2.5 ft)", "高草", 3.01, 0, 0, 0, 0, 1500, 1500, 1500, 2.5, 25},
      {4, "FM4", "Chaparral (6 ft)", "高灌丛", 5.01, 4.01, 2.00, 0, 5.01, 2000, 1500, 1500, 6.0, 20},
      {5, "FM5", "Brush (2 ft)", "灌丛", 1.00, 0.50, 0, 0, 2.00, 2000, 1500, 1500, 2.0, 20},
      {6, "FM6", "Dormant brush, hardwood slash", "休眠灌丛", 1.50, 2.50, 2.00, 0, 0, 1750, 1500, 1500, 2.5,
       25},
      {7, "FM7", "Southern rough", "南方粗糙灌丛", 1.13, 1.87, 1.50, 0, 0.37, 1750, 1500, 1500, 2.5, 40},
      {8, "FM8", "Closed timber litter", "郁闭针叶林凋落物", 1.50, 1.00, 2.50, 0, 0, 2000, 1500, 1500, 0.2,
       30},
      {9, "FM9", "Hardwood litter", "阔叶林凋落物", 2.92, 0.41, 0.15, 0, 0, 2500, 1500, 1500, 0.2, 25},
      {10, "FM10", "Timber (litter and understory)", "林下凋落物与灌木", 3.01, 2.00, 5.01, 0, 2.00, 2000,
       1500, 1500, 1.0, 25},
      {11, "FM11", "Light logging slash", "轻度采伐剩余物", 1.50, 4.51, 5.51, 0, 0, 1500, 1500, 1500, 1.0,
       15},
      {12, "FM12", "Medium logging slash", "中度采伐剩余物", 4.01, 14.03, 16.53, 0, 0, 1500, 1500, 1500, 2.3,
       20},
      {13, "FM13", "Heavy logging slash", "重度采伐剩余物", 7.01, 23.04, 28.05, 0, 0, 1500, 1500, 1500, 3.0,
       25},
  };
  return t;
}

} // namespace

std::optional<FuelModel> fuel_model(int number) {
  if (number < 1 || number > 13) return std::nullopt;
  return table()[static_cast<size_t>(number - 1)];
}

bool is_non_burnable_code(int code) {
  return code == 0 || code == 91 || code == 92 || code == 93 || code == 98 || code == 99;
}

} // namespace hg::fire
