#include "sim/io/Schema.hpp"

#include <algorithm>
#include <sstream>

namespace hg {

namespace {
constexpr double kYearH = 8760, kYearMin = 525600, kYearS = 31536000;

std::string fmt(double v) {
  std::ostringstream o;
  o << v;
  return o.str();
}
} // namespace

const std::vector<FieldRange>& field_ranges() {
  static const std::vector<FieldRange> t = {
      // Exact keys whose range is not that of their unit.
      {"lat", -90, 90, false, "latitude, degrees"},
      {"lon", -180, 180, false, "longitude, degrees"},
      {"seed", 0, 9007199254740992.0, true, "whole numbers that a double holds exactly (2^53)"},
      {"duration_h", 0, 720, false,
       "30 days: the longest drill; bounds the simulated steps (duration / step) and the log"},
      {"step_min", 0.5, 1440, false, "hazard step: 30 s to a day; with duration_h at most 86,400 steps"},
      {"step_s", 1, 86400, false, "hazard step: 1 s to a day"},
      {"substep_s", 0.1, 3600, false, "numerical sub-step of a hazard step"},
      {"utc_offset_h", -12, 14, false, "time zones of the world"},
      {"month", 1, 12, true, "calendar month"},
      {"hour", 0, 24, false, "hour of the day"},
      {"day", -366, 366, true, "day relative to the start, within a year"},
      {"relief_m", 0, 1000, false, "height range inside one population zone; bounds its storage table"},
      {"depth_m", 0, 3000, false, "water depth, or a mine level's depth below the surface (deepest Chinese mines ~1,500 m)"},
      {"cells", 1, 1001, true, "grid cells per side; bounds the grid's memory"},
      {"cloud_oktas", 0, 8, true, "cloud cover in eighths"},
      {"n", 0, 1, false, "Manning roughness coefficient (0.01–0.2 in practice)"},
      {"x", 0, 0.5, false, "Muskingum weighting factor"},
      {"adcode", 0, 999999, true, "Chinese administrative division code"},
      {"level", 0, 4, true, "response level"},
      {"priority", 0, 100, true, "priority"},
      {"weight", 0, 1000, false, "rubric weight"},
      // Unit suffixes (the first that matches wins, so longer suffixes come first).
      {"*_elev_m", -3000, 9000, false, "elevation: deepest mine levels to above Everest"},
      {"*_elevation_m", -3000, 9000, false, "elevation: deepest mine levels to above Everest"},
      {"*warning_m", -3000, 9000, false, "gauge level (stage or elevation)"},
      {"*guarantee_m", -3000, 9000, false, "gauge level (stage or elevation)"},
      {"*h0_m", -3000, 9000, false, "gauge datum (stage or elevation)"},
      {"*_pct", 0, 100, false, "per cent"},
      {"*_fraction", 0, 1, false, "fraction"},
      {"*_share", 0, 1, false, "share"},
      {"*_factor", 0, 1e5, false, "dimensionless factor (respirator protection factors reach 10,000)"},
      {"*_deg", -360, 360, false, "angle in degrees"},
      {"*_per_h", 0, 1e6, false, "rate per hour"},
      {"*_km_h", 0, 1000, false, "speed, km/h"},
      {"*_kmh", 0, 1000, false, "speed, km/h"},
      {"*_m_s", 0, 1000, false, "speed, m/s"},
      {"*_m_min", 0, 60000, false, "speed, m/min"},
      {"*_m3_s", 0, 1e6, false, "flow, m³/s (the Amazon carries ~2e5)"},
      {"*_m3_s_per_unit", 0, 1e4, false, "pump flow per unit, m³/s"},
      {"*_h", 0, kYearH, false, "time in hours: at most a year"},
      {"*_min", 0, kYearMin, false, "time in minutes: at most a year"},
      {"*_s", 0, kYearS, false, "time in seconds: at most a year"},
      {"*_km", 0, 5000, false, "distance in km: Heilongjiang is ~1,000 km across"},
      {"*_km2", 0, 1e6, false, "area in km²"},
      {"*_m2", 0, 1e10, false, "area in m²"},
      {"*_m", -1e5, 1e5, false, "length or position in m: within 100 km"},
      {"*_mm", 0, 1e5, false, "length in mm"},
      {"*_c", -100, 2000, false, "temperature, °C"},
      {"*_kg", 0, 1e9, false, "mass, kg"},
      {"*_g_s", 0, 1e9, false, "emission rate, g/s"},
      {"*_kg_m3", 0, 1e5, false, "density, kg/m³"},
      {"*_kpa", 0, 1e6, false, "pressure, kPa"},
      {"*_ppm", 0, 1e6, false, "concentration, ppm"},
      {"*_mg_m3", 0, 1e7, false, "concentration, mg/m³"},
      {"*_bps", 0, 1e12, false, "bandwidth, bit/s"},
      {"*_people", 0, 1e7, true, "people"},
      {"people", 0, 1e7, true, "people (Hegang has ~0.9 million)"},
      {"people_at_risk", 0, 1e7, true, "people"},
      {"population", 0, 1e7, true, "people"},
      {"population_2020", 0, 1e7, true, "people"},
      {"count", 0, 1e5, true, "units or items"},
      {"vehicles", 0, 1e5, true, "vehicles of a unit"},
      {"personnel", 0, 1e5, true, "people of a unit"},
      {"team_size", 0, 1e4, true, "people of a team"},
      {"entry_team", 0, 1e4, true, "people of a team"},
      {"beds", 0, 1e5, true, "hospital beds"},
      {"capacity", 0, 1e7, false, "capacity"},
      {"units", 0, 1e5, true, "units"},
      {"gauge_report_every", 1, 1e4, true, "steps between gauge reports"},
      {"*", -1e9, 1e9, false, "any other number: finite and of a practical size"},
  };
  return t;
}

const FieldRange& field_range(const std::string& key) {
  const auto& t = field_ranges();
  for (const auto& r : t)
    if (r.key == key) return r;
  for (const auto& r : t) {
    if (r.key.size() < 2 || r.key[0] != '*') continue;
    const std::string suf = r.key.substr(1);
    if (key.size() >= suf.size() && key.compare(key.size() - suf.size(), suf.size(), suf) == 0) return r;
  }
  return t.back();
}

const std::vector<std::string>& numeric_fields() {
  // Every key the loaders read with num()/opt_num() (tests/core/SchemaTest.cpp checks this list
  // against the sources, so a new field cannot be missing here).
  static const std::vector<std::string> k = {
#include "sim/io/SchemaFields.inc"
  };
  return k;
}

std::string describe(const FieldRange& r) {
  return std::string(r.integer ? "a whole number" : "a number") + " in [" + fmt(r.lo) + ", " + fmt(r.hi) + "]";
}

std::string field_ranges_markdown() {
  std::ostringstream o;
  o << "| field | allowed | rule | why |\n|---|---|---|---|\n";
  std::vector<std::string> keys = numeric_fields();
  std::sort(keys.begin(), keys.end());
  for (const auto& k : keys) {
    const FieldRange& r = field_range(k);
    o << "| `" << k << "` | " << (r.integer ? "whole, " : "") << "[" << fmt(r.lo) << ", " << fmt(r.hi) << "] | `"
      << r.key << "` | " << r.why << " |\n";
  }
  return o.str();
}

} // namespace hg
