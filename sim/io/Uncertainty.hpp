#pragma once
/// @file
/// @brief Sampled uncertainties: every `uncertain:` entry of a scenario is a distribution bound to
/// the field it names (`applies_to`, a path in the scenario document such as
/// `hazards[songhua_amur_2013].levees[n_fusui_n].breach.at_h`). A run draws each entry from its
/// seed and writes the value into the document before anything is read, so every loader, check and
/// model sees the drawn scenario. Each entry has its own random stream (seed, entry name), so the
/// same seed gives the same draws whatever the plan (common random numbers) and whatever other
/// entries exist. Quantiles are computed here, not with std:: distributions, so that draws are the
/// same on every standard library.
#include "sim/io/YamlReader.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace hg {

struct Uncertain {
  std::string name;
  std::string distribution; ///< uniform | triangular | normal | lognormal | choice
  nlohmann::json params;    ///< per distribution (docs/formats.md)
  std::string applies_to;   ///< path in the scenario document
  std::string op = "set";   ///< set | scale | shift | append
  int line = 0;
};

/// Reads and checks the `uncertain:` entries of a scenario document (parameters per distribution,
/// a path that names an existing field, an operation that fits it). Problems go to the cursor's
/// diagnostics with file:line:field.
std::vector<Uncertain> read_uncertain(const YamlCursor& root);

/// The value of one entry for a seed (a number, or a choice's value).
nlohmann::json draw_value(const Uncertain& u, uint64_t seed);
/// The value at a quantile p in (0, 1) (for tests and sensitivity studies).
nlohmann::json quantile_value(const Uncertain& u, double p);

/// Draws every entry and writes it into the document under `root`; returns {name: value}.
/// Throws std::invalid_argument if a path names nothing (read_uncertain reports that first).
nlohmann::json apply_draws(const YAML::Node& root, const std::vector<Uncertain>& entries, uint64_t seed);

/// Standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9).
double normal_quantile(double p);

} // namespace hg
