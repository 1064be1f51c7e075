#pragma once
/// @file
/// @brief Harm to people from a fire front (docs/models/fire.md §6, "Harm"): radiant heat flux at a
/// person from the burning cells of the front, each a point source radiating a fraction of its heat
/// release (Modak 1977, as in the SFPE Handbook's point-source method), and the probability of death
/// from the thermal dose t·q^(4/3) by the Eisenberg, Lynch & Breeding (1975) probit, the thermal probit
/// of the TNO Green Book and of Sandia's HyRAM+ (probits.py, thermal_eisenberg).

namespace hg::fire {

/// @brief Radiant heat flux (kW/m²) at `distance_m` from a point source releasing `heat_kw` of which
/// `radiative_fraction` is radiated: q = χr Q / (4 π d²) (Modak 1977).
double point_source_flux_kw_m2(double heat_kw, double radiative_fraction, double distance_m);

/// @brief Eisenberg et al. (1975) lethality probit for thermal radiation, Y = −38.48 + 2.56 ln(t q^(4/3)),
/// q in W/m², t in s (−∞ for no dose).
double eisenberg_probit(double flux_w_m2, double exposure_s);

/// @brief Probability for a probit value: Φ(Y − 5) (Finney 1971).
double probit_probability(double y);

/// @brief Share of people exposed to `flux_kw_m2` for `exposure_s` who die (Eisenberg probit).
double thermal_fatality_share(double flux_kw_m2, double exposure_s);

} // namespace hg::fire
