#pragma once
/// @file
/// @brief The chemical-release hazard as an hg::Hazard: a tank (or a given rate) releases a toxic gas,
/// a puff/slug chain carries it with the changing wind, AEGL threat zones are evaluated on a receptor
/// grid, population zones accumulate toxic loads outdoors and indoors, casualties follow the probit,
/// roads inside the closure level close, gas detectors report, and "plug_leak" work stops the release.
/// Pure C++, no SimGrid: the hazard driver calls advance(). docs/models/chemical.md §5.
#include "sim/hazards/Hazard.hpp"
#include "sim/hazards/chemical/ChemicalConfig.hpp"
#include "sim/hazards/chemical/Geometry.hpp"
#include "sim/hazards/chemical/PuffTrain.hpp"
#include "sim/hazards/chemical/Toxic.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace hg::chemical {

/// @brief What the model knows about one population zone.
struct ZoneHarm {
  std::string id;
  double people = 0;
  double outdoor_ppm = 0; ///< mean over the zone's sample points, now
  double indoor_ppm = 0;
  double outdoor_load = 0; ///< mean toxic load ∫C^n dt (ppm^n·min)
  double indoor_load = 0;
  double people_aegl1 = 0, people_aegl2 = 0, people_aegl3 = 0; ///< people whose outdoor air is above, now
  double expected_fatalities = 0; ///< cumulative, probit on each sample point's load
  double expected_injuries = 0;   ///< cumulative: load above the AEGL-2 load, minus deaths
  bool reached = false;
};

/// @brief The weather the model uses at a time.
struct WeatherNow {
  Wind wind;
  Insolation insolation = Insolation::kOvercast;
  double sun_elevation_deg = 0;
  bool stability_given = false;
  double air_temp_k = 288.15;
};

class ChemicalModel : public hg::Hazard {
public:
  /// @brief Checks the config (std::invalid_argument naming the field).
  ChemicalModel(ChemicalConfig config, std::uint64_t seed);
  std::string id() const override { return config_.id; }
  std::string kind() const override { return "chemical_release"; }
  double step_s() const override { return config_.step_s; }
  void start(HazardSink& sink) override;
  void advance(double t_s, double dt_s, HazardSink& sink) override;
  /// @brief "plug_leak" on the source id (or the hazard id): `amount` people for dt_s; once the
  /// configured person-hours are done the hole is closed. Other tasks are not modelled (false).
  bool apply_effort(const std::string& target, const std::string& capability, double amount, double dt_s,
                    HazardSink& sink) override;
  /// @brief {"what":"stop_release"} stops it now;
  /// {"what":"wind","wind_m_s":..,"from_deg":..,"stability":".."} overrides the weather from now on. False
  /// otherwise.
  bool inject(const nlohmann::json& what, double t_s, HazardSink& sink) override;
  /// @brief The source's road node for the source id or the hazard id.
  std::string location_of(const std::string& target) const override;
  /// @brief Zones that the steady AEGL-2 zone of the first weather (or any later wind) could reach,
  /// nearest first.
  std::vector<std::string> zones_at_risk() const override;

  /// @brief Ground-level concentration now at a place, ppm (for units on scene and tests).
  double concentration_ppm_at(LatLon p) const;
  /// @brief Airborne release rate now, g/s.
  double airborne_rate_g_s() const { return rate_airborne_g_s_; }
  double released_kg() const { return released_kg_; }
  bool releasing() const { return releasing_; }
  const std::vector<ZoneHarm>& zones() const { return harm_; }
  WeatherNow weather_at(double t_s) const;
  const ChemicalConfig& config() const { return config_; }
  const PuffTrain& puffs() const { return *puffs_; }
  /// @brief Threshold of a level for this model's duration, ppm.
  double threshold_ppm(ToxicLevel level) const;
  /// @brief Fraction of the released mass that becomes airborne.
  double airborne_fraction() const { return airborne_fraction_; }

private:
  struct ZoneState {
    std::vector<Xy> samples;
    std::vector<DoseAccumulator> doses;
    std::vector<double> ppm_now;
  };
  void stop_release(const std::string& reason, double t_s, HazardSink& sink);
  double release_height_m(const Wind& w, double air_temp_k) const;
  void report(double t_s, HazardSink& sink, const SlugField& field);

  ChemicalConfig config_;
  const Chemical* chem_ = nullptr;
  LocalFrame frame_;
  std::unique_ptr<Tank> tank_;
  std::unique_ptr<PuffTrain> puffs_;
  double airborne_fraction_ = 1;
  double flash_fraction_ = 0;
  std::vector<ZoneHarm> harm_;
  std::vector<ZoneState> zone_state_;
  std::vector<std::vector<Xy>> road_samples_;
  std::vector<bool> road_closed_;
  std::vector<double> sensor_next_s_;
  std::optional<Wind> wind_override_;
  double wind_override_from_s_ = 0;
  bool releasing_ = false;
  bool stopped_ = false;
  double rate_airborne_g_s_ = 0;
  double released_kg_ = 0;
  double plug_work_person_h_ = 0;
  double next_report_s_ = 0;
  double now_s_ = 0;
  Stability last_stability_ = Stability::kD;
  double last_from_deg_ = -1, last_wind_m_s_ = -1;
};

} // namespace hg::chemical
