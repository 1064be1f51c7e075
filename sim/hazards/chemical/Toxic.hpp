#pragma once
/// @file
/// @brief Dose and harm: toxic load ∫C^n dt, probit → probability, and the indoor concentration of a
/// sheltered building as one well-mixed box ventilated at a fixed air-exchange rate (the model ALOHA
/// uses for indoor concentrations; Jones et al. 2013, ALOHA Technical Documentation, NOAA Tech. Memo.
/// NOS OR&R 43, §"Indoor air concentration"). docs/models/chemical.md §4.
#include "sim/hazards/chemical/Chemical.hpp"

namespace hg::chemical {

/// @brief Standard normal cumulative distribution Φ(x) = ½ erfc(−x/√2).
double normal_cdf(double x);

/// @brief Probability of the response for probit Y: P = Φ(Y − 5) (Finney 1971; Crowl & Louvar 2011
/// eq. 2-6 and Table 2-4).
double probit_to_probability(double y);

/// @brief Probit value Y = a + b ln(L) for a toxic load L (in the probit's units, ppm^n·min);
/// −infinity for L = 0.
double probit_value(const Probit& p, double load_ppm_n_min);

/// @brief One-box indoor concentration after dt_s with the outdoor concentration held at c_out over the
/// step: C_in(t+dt) = C_out + (C_in − C_out) exp(−λ dt), λ = air changes per hour / 3600 (exact
/// solution of dC_in/dt = λ (C_out − C_in)).
double indoor_step(double c_in, double c_out, double air_changes_per_h, double dt_s);

/// @brief What one group of people has breathed: the toxic load so far and, for people indoors, the
/// concentration of the well-mixed box of their building (ppm). People who move (outdoors → indoors,
/// windows opened → shut) keep their load and carry it with them.
struct Breathing {
  double load = 0;     ///< ∫ C^n dt, ppm^n·min
  double c_in_ppm = 0; ///< indoor box concentration (0 and unused outdoors)
};

/// @brief Outdoors for dt_s at c_out_ppm: load += c_out^n · dt (minutes).
void breathe_outdoor(Breathing& b, double c_out_ppm, double n, double dt_s);

/// @brief Indoors at `air_changes_per_h` for dt_s with the outdoor air held at c_out_ppm: the box
/// follows exactly (indoor_step), the load is integrated at the midpoint of sub-steps of at most 10 s.
void breathe_indoor(Breathing& b, double c_out_ppm, double air_changes_per_h, double n, double dt_s);

/// @brief Accumulates the toxic load of one receptor, outdoors and indoors, with trapezoid-free exact
/// integration of piecewise-constant concentration steps. Units: concentration in ppm, time in minutes,
/// as the probit tables use.
class DoseAccumulator {
public:
  /// @brief n = the probit's exponent; air_changes_per_h for the indoor box.
  DoseAccumulator(double n, double air_changes_per_h);
  /// @brief Outdoor concentration c_out_ppm held for dt_s: the indoor box follows (its ∫C_in^n dt is
  /// integrated on sub-steps of at most 10 s so that the exponential approach is resolved).
  void add(double c_out_ppm, double dt_s);
  double outdoor_load() const { return outdoor_; }
  double indoor_load() const { return indoor_; }
  double indoor_ppm() const { return c_in_; }
  double peak_outdoor_ppm() const { return peak_out_; }
  double peak_indoor_ppm() const { return peak_in_; }

private:
  double n_;
  double ach_;
  double c_in_ = 0;
  double outdoor_ = 0;
  double indoor_ = 0;
  double peak_out_ = 0;
  double peak_in_ = 0;
};

} // namespace hg::chemical
