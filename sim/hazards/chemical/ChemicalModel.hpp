#pragma once
/// @file
/// @brief The chemical-release hazard behind the hazard contract (sim/hazards/Hazard.hpp): a tank (or a
/// given rate) releases a toxic gas, a puff/slug chain carries it with the changing wind, AEGL threat
/// zones are evaluated on a receptor grid, the people the population account says are present in each
/// zone breathe outdoor or indoor air (by air exchange, shut windows once they shelter in place) and
/// accumulate toxic loads, casualties follow the probit, roads inside the closure level close, gas
/// detectors report, and hazmat crews plug the leak (within their breathing-air time), decontaminate
/// and hand casualties to ambulances. A `trigger:` facility lost to another hazard starts the release
/// (cascades). Pure C++, no SimGrid: the hazard driver calls advance(). docs/models/chemical.md.
#include "sim/hazards/Hazard.hpp"
#include "sim/hazards/chemical/ChemicalConfig.hpp"
#include "sim/hazards/chemical/Geometry.hpp"
#include "sim/hazards/chemical/PuffTrain.hpp"
#include "sim/hazards/chemical/Toxic.hpp"

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace hg::chemical {

/// @brief Where a group of people in a zone breathes.
enum class Exposure {
  kOutdoor, ///< outdoor air
  kIndoor,  ///< indoors, ordinary air exchange
  kShelter  ///< sheltering in place: indoors, windows shut, ventilation off
};

/// @brief People of one zone who share a history (where they were, when they moved), with their
/// loads at every sample point of the zone (people spread evenly over the points).
struct Cohort {
  Exposure where = Exposure::kOutdoor;
  double people = 0;
  std::vector<Breathing> points;
};

/// @brief What the model knows about one population zone now.
struct ZoneHarm {
  std::string id;
  double present = 0;      ///< people present (population account), last synchronised
  double sheltering = 0;   ///< of those, sheltering in place
  double outdoor_ppm = 0;  ///< mean over the zone's sample points, now
  double indoor_ppm = 0;   ///< mean indoor concentration of ordinary buildings, now
  double outdoor_load = 0; ///< mean toxic load of someone outdoors all the time (ppm^n·min)
  double people_aegl1 = 0, people_aegl2 = 0,
         people_aegl3 = 0;                         ///< present people whose outdoor air is above, now
  double breathing_aegl2 = 0, breathing_aegl3 = 0; ///< people whose own air (indoor or outdoor) is above, now
  double expected_fatalities = 0; ///< cumulative, probit on each group's load (evacuees included)
  double expected_injuries = 0;   ///< cumulative: load above the AEGL-2 load, minus deaths
  double evacuated = 0;           ///< people who left the zone so far
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

/// @brief A responder unit's exposure so far (work steps on this hazard).
struct ResponderDose {
  double personnel = 0;
  double load = 0; ///< inhaled toxic load behind the respirator, ppm^n·min
  double peak_inhaled_ppm = 0;
  double entry_s = 0;       ///< time in the current entry (plug_leak)
  double rest_until_s = -1; ///< out of the hot zone until then (breathing air, decon)
};

class ChemicalModel : public hg::Hazard {
public:
  /// @brief Checks the config (std::invalid_argument naming the field).
  ChemicalModel(ChemicalConfig config, std::uint64_t seed);
  std::string id() const override { return config_.id; }
  std::string kind() const override { return "chemical_release"; }
  double step_s() const override { return config_.step_s; }
  void start(const HazardView& view, EffectSink& sink) override;
  void advance(double t_s, double dt_s, EffectSink& sink) override;
  /// @brief plug_leak on the leak (the hazard id, the source id, or "incident" when the incident is at
  /// the source); decontaminate and transport_patients on the decontamination point.
  bool accepts_work(const std::string& task, const std::string& target) const override;
  /// @brief plug_leak: the unit's entry team works in gas-tight suits until its breathing air runs
  /// low, then withdraws for the turnaround; the configured person-hours close the hole.
  /// decontaminate: processes responders back from entries, then casualties, who then wait for an
  /// ambulance; transport_patients hands decontaminated casualties over. Every work step adds to the
  /// unit's inhaled dose at the target's site (concentration / protection factor).
  bool work(const Work& w, EffectSink& sink) override;
  /// @brief {"what":"stop_release"} stops it now;
  /// {"what":"wind","wind_m_s":..,"from_deg":..,"stability":".."} overrides the weather from now on. False
  /// otherwise.
  bool inject(const nlohmann::json& what, double t_s, EffectSink& sink) override;
  /// @brief The leak (hazard id and source id) and the decontamination point.
  std::vector<std::string> targets() const override;
  /// @brief The source's road node for the leak, the decontamination node for the decon point.
  std::string site_of(const std::string& target) const override;
  /// @brief Zones that the steady AEGL-2 zone of any forecast weather entry (at the initial rate)
  /// could reach, nearest first, each with its whole population (the wind decides which part of a
  /// zone the gas crosses, so nobody in it is outside the footprint).
  std::vector<ZoneAtRisk> zones_at_risk() const override;

  /// @brief Ground-level concentration now at a place, ppm (capped at pure gas, 1e6 ppm).
  double concentration_ppm_at(LatLon p) const;
  /// @brief Airborne release rate now, g/s.
  double airborne_rate_g_s() const { return rate_airborne_g_s_; }
  double released_kg() const { return released_kg_; }
  bool releasing() const { return releasing_; }
  /// @brief Whether the trigger facility has been lost (always true without a trigger).
  bool triggered() const { return triggered_; }
  const std::vector<ZoneHarm>& zones() const { return harm_; }
  const std::vector<Cohort>& cohorts(const std::string& zone) const;
  const std::map<std::string, ResponderDose>& responders() const { return responders_; }
  WeatherNow weather_at(double t_s) const;
  const ChemicalConfig& config() const { return config_; }
  const PuffTrain& puffs() const { return *puffs_; }
  /// @brief Threshold of a level for this model's duration, ppm.
  double threshold_ppm(ToxicLevel level) const;
  /// @brief Toxic load an AEGL-2 exposure of threshold_duration_min gives (the injury line), ppm^n·min.
  double injury_load() const;
  /// @brief Fraction of the released mass that becomes airborne.
  double airborne_fraction() const { return airborne_fraction_; }
  /// @brief Target id of the decontamination point.
  const std::string& decon_id() const { return config_.responders.decon_id; }
  /// @brief Casualties decontaminated and waiting for an ambulance.
  int patients_waiting() const { return patients_ready_ - patients_handed_; }

private:
  struct ZoneState {
    std::vector<Xy> samples;
    std::array<double, 4> bounds{}; ///< of the samples: x0, x1, y0, y1
    std::vector<double> ppm_now;
    std::vector<Breathing> building; ///< ordinary buildings' indoor air at each point
    std::vector<Cohort> cohorts;
    double departed_fatalities = 0, departed_injuries = 0;
    double max_breathing2 = 0, max_breathing3 = 0;                     ///< since the last report
    double published_f = -1, published_i = -1, published_exposed = -1; ///< last harm
    double emitted_f = 0, emitted_i = 0;                               ///< last zone_exposure
    double observed2 = -1, observed3 = -1;
  };
  void stop_release(const std::string& reason, double t_s, EffectSink& sink);
  double release_height_m(const Wind& w, double air_temp_k) const;
  void report(double t_s, EffectSink& sink, const SlugField& field);
  /// Brings a zone's groups in line with the population account (present, sheltering).
  void sync_people(size_t zi);
  /// People leaving a group: they cross the zone's air for the evacuation transit and their loads freeze.
  void depart(ZoneState& st, Cohort& c, double people);
  double probability_dead(double load) const;
  double probability_injured(double load) const;
  double ppm_at(const SlugField& field, Xy p) const;
  void expose(const std::string& unit, const std::string& task, const std::string& target, double personnel,
              double dt_s, double protection, EffectSink& sink);

  ChemicalConfig config_;
  const Chemical* chem_ = nullptr;
  LocalFrame frame_;
  const HazardView* view_ = nullptr;
  std::unique_ptr<Tank> tank_;
  std::unique_ptr<PuffTrain> puffs_;
  double airborne_fraction_ = 1;
  double flash_fraction_ = 0;
  std::vector<ZoneHarm> harm_;
  std::vector<ZoneState> zone_state_;
  std::vector<std::vector<Xy>> road_samples_;
  std::vector<std::array<double, 4>> road_bounds_;
  std::vector<bool> road_exempt_; ///< roads at the source's node: the responders' way in stays open
  std::vector<bool> road_closed_;
  std::vector<double> sensor_next_s_;
  std::optional<Wind> wind_override_;
  double wind_override_from_s_ = 0;
  bool triggered_ = true;
  double release_start_s_ = 0;
  bool releasing_ = false;
  bool stopped_ = false;
  double rate_airborne_g_s_ = 0;
  double released_kg_ = 0;
  double plug_work_person_h_ = 0;
  double next_report_s_ = 0;
  double now_s_ = 0;
  Stability last_stability_ = Stability::kD;
  double last_from_deg_ = -1, last_wind_m_s_ = -1;
  std::map<std::string, ResponderDose> responders_;
  std::set<std::string> announced_;   ///< zones named at risk to the posts so far
  double decon_queue_responders_ = 0; ///< responders back from entries, waiting for decontamination
  double casualties_queued_ = 0;      ///< casualties (expected injuries, whole people) sent to decon so far
  double decon_queue_casualties_ = 0;
  double decontaminated_ = 0;
  double casualty_decon_done_ = 0;
  int patients_ready_ = 0, patients_handed_ = 0;
  double observed_waiting_ = -1;
};

} // namespace hg::chemical
