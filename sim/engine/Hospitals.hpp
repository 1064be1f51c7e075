#pragma once
/// @file
/// @brief Casualties on their way to hospital: the patients each unit carries (handed over by a hazard
/// during the unit's work, e.g. miners brought out of a mine), and the beds each hospital has free
/// (its beds × hospital_free_bed_share). A unit carrying patients drives to the nearest hospital with
/// free beds (UnitActor), and the arrivals are logged for the "hospital arrivals" KPIs.
#include <map>
#include <string>

namespace hg {

class Simulation;

class Hospitals {
public:
  explicit Hospitals(Simulation& sim);
  /// A hazard hands `count` patients to `unit` (patients.loaded).
  void load(const std::string& unit, int count, const std::string& condition, const std::string& hazard);
  /// Patients `unit` carries.
  int carried(const std::string& unit) const;
  /// Free beds at a hospital facility (0 if not a hospital).
  double free_beds(const std::string& hospital) const;
  /// `unit` arrives at `hospital`: admits as many of its patients as there are free beds
  /// (patients.delivered); returns how many are still on board (hospital.full when some are).
  int admit(const std::string& unit, const std::string& hospital);
  /// Logs hospital.beds for every hospital that admitted anyone (end of run).
  void log_beds();

private:
  Simulation& sim_;
  std::map<std::string, int> carried_;
  std::map<std::string, std::string> condition_;
  std::map<std::string, double> free_;
  std::map<std::string, int> admitted_;
};

} // namespace hg
