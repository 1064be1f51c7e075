#include "sim/engine/Hospitals.hpp"

#include "sim/engine/Simulation.hpp"

#include <algorithm>
#include <cmath>

namespace hg {

Hospitals::Hospitals(Simulation& sim) : sim_(sim) {
  for (const Facility& f : sim_.world().facilities)
    if (f.kind == "hospital") free_[f.id] = std::floor(f.beds * sim_.params().hospital_free_bed_share);
}

void Hospitals::load(const std::string& unit, int count, const std::string& condition, const std::string& hazard) {
  if (count <= 0) return;
  carried_[unit] += count;
  condition_[unit] = condition;
  sim_.emit("patients.loaded", {unit}, {{"patients", count}, {"condition", condition}, {"hazard", hazard}});
}

int Hospitals::carried(const std::string& unit) const {
  auto it = carried_.find(unit);
  return it == carried_.end() ? 0 : it->second;
}

double Hospitals::free_beds(const std::string& hospital) const {
  auto it = free_.find(hospital);
  return it == free_.end() || sim_.facility_lost(hospital) ? 0.0 : it->second;
}

int Hospitals::admit(const std::string& unit, const std::string& hospital) {
  int& n = carried_[unit];
  const int taken = int(std::min<double>(n, free_beds(hospital)));
  if (taken > 0) {
    free_[hospital] -= taken;
    admitted_[hospital] += taken;
    n -= taken;
    sim_.emit("patients.delivered", {unit, hospital},
              {{"patients", taken}, {"condition", condition_[unit]}, {"free_beds", free_[hospital]}});
  }
  if (n > 0) sim_.emit("hospital.full", {hospital, unit}, {{"patients_waiting", n}});
  return n;
}

void Hospitals::log_beds() {
  for (const auto& [h, n] : admitted_)
    sim_.emit("hospital.beds", {h}, {{"admitted", n}, {"free_beds", free_[h]}});
}

} // namespace hg
