#include "ToyHazard.hpp"

#include "sim/io/Scenario.hpp"
#include "sim/io/YamlReader.hpp"

#include <algorithm>

namespace hgtest {

namespace {

class ToySpill : public hg::Hazard {
public:
  ToySpill(std::string id, std::string zone, double people, std::string road, std::string facility,
           std::string site, double growth_per_h, double step_s)
      : id_(std::move(id)), zone_(std::move(zone)), people_(people), road_(std::move(road)),
        facility_(std::move(facility)), site_(std::move(site)), growth_per_h_(growth_per_h), step_s_(step_s) {}

  std::string id() const override { return id_; }
  std::string kind() const override { return "toy_spill"; }
  double step_s() const override { return step_s_; }
  void start(const hg::HazardView& view, hg::EffectSink&) override { view_ = &view; }

  void advance(double, double dt_s, hg::EffectSink& sink) override {
    const double h = dt_s / 3600.0;
    level_ = std::max(0.0, level_ + growth_per_h_ * h - cleanup_);
    cleanup_ = 0;
    sink.emit("toy_spill.level", {id_}, {{"level", level_}});
    sink.observe({"toy_level", id_, level_, ""});
    sink.observe({"patients_waiting", id_, double(waiting_), ""});
    if (level_ >= kToyReachLevel) {
      if (!reached_) {
        sink.reached(zone_, "toy spill");
        waiting_ = kToyPatients;
      }
      reached_ = true;
      const double present = view_->people_present(zone_);
      fatalities_ += present * kToyDeathsPerPersonHour * h;
      sink.harm(hg::Harm{zone_, present, fatalities_, std::nullopt, "toy_level", level_, "test: 0.001 per person-hour"});
    }
    if (level_ >= kToyCloseLevel && !closed_) {
      closed_ = true;
      sink.close_road(road_, true, "toy spill on the road");
    } else if (level_ < 1 && closed_) {
      closed_ = false;
      sink.close_road(road_, false, "toy spill cleaned");
    }
    if (level_ >= kToyFacilityLevel && !lost_) {
      lost_ = true;
      sink.facility_lost(facility_, true, "toy spill");
    }
  }

  bool accepts_work(const std::string& task, const std::string& target) const override {
    return (task == "toy_cleanup" || task == "transport_patients") && target == id_;
  }
  bool work(const hg::Work& w, hg::EffectSink& sink) override {
    if (!accepts_work(w.task, w.target)) return false;
    if (w.task == "transport_patients") {
      const int n = std::min(waiting_, w.patient_places);
      waiting_ -= n;
      sink.hand_over_patients(w.unit, n, "injured");
      return true;
    }
    cleanup_ += w.personnel * w.dt_s / 3600.0 * kToyCleanupPerPersonHour;
    return true;
  }
  std::vector<std::string> targets() const override { return {id_}; }
  std::string site_of(const std::string& target) const override { return target == id_ ? site_ : ""; }
  std::vector<hg::ZoneAtRisk> zones_at_risk() const override { return {{zone_, people_}}; }

private:
  std::string id_, zone_;
  double people_;
  std::string road_, facility_, site_;
  double growth_per_h_, step_s_;
  const hg::HazardView* view_ = nullptr;
  double level_ = 0, cleanup_ = 0, fatalities_ = 0;
  int waiting_ = 0;
  bool reached_ = false, closed_ = false, lost_ = false;
};

} // namespace

hg::HazardModule toy_module() {
  hg::HazardModule m;
  m.kind = "toy_spill";
  m.zh = "测试泄漏";
  m.en = "toy spill";
  m.build = [](const hg::YamlCursor& c, const hg::Scenario& sc, uint64_t) -> std::unique_ptr<hg::Hazard> {
    c.only_keys({"kind", "id", "zone", "people", "road", "facility", "site", "growth_per_h", "step_min", "src"});
    const std::string zone = c.str("zone");
    if (!zone.empty() && !sc.world.zone(zone)) c["zone"].error("unknown zone \"" + zone + "\"");
    return std::make_unique<ToySpill>(c.id(), zone, c.num("people", hg::Range::non_negative()), c.str("road"),
                                      c.str("facility"), c.str("site"),
                                      c.num("growth_per_h", hg::Range::non_negative()),
                                      c.num("step_min", hg::Range::positive()) * 60);
  };
  m.events = {{"toy_spill.level", "[spill]", "the spill's level", {{"level", "", ""}}, ""}};
  m.quantities = {{"toy_level", "", "toy_level", hg::QuantitySpec::Read::kMaxOverSubjects, 0, 1e9,
                   "reported spill level / 泄漏等级"}};
  m.tasks = {{"toy_cleanup", "hazmat", "clean the spill / 清理泄漏"}};
  hg::KpiSpec peak;
  peak.id = "toy_peak_level";
  peak.zh = "泄漏最高等级";
  peak.en = "Peak spill level";
  peak.unit = "count";
  peak.lower_is_better = true;
  peak.def_zh = "toy_spill.level 的最大值";
  peak.def_en = "largest toy_spill.level";
  peak.compute = [](const hg::KpiInput& in) {
    hg::KpiResult r;
    for (const auto& e : in.events)
      if (e.type == "toy_spill.level" && (!r.value || e.payload["level"].get<double>() > *r.value)) {
        r.value = e.payload["level"].get<double>();
        r.evidence = {e.seq};
      }
    return r;
  };
  m.kpis = {peak};
  return m;
}

} // namespace hgtest
