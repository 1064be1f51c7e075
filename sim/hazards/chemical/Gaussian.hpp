#pragma once
/// @file
/// @brief Gaussian dispersion kernels with total reflection at the ground (image source): the
/// continuous point-source plume, the instantaneous puff, and the "slug" — a line of puffs between two
/// puff centres, which is how a continuous release follows a wind that turns (CALPUFF slug
/// formulation, Scire, Strimaitis & Yamartino 2000, §2.2). No mixing-lid reflection, no deposition,
/// no decay; passive (neutrally buoyant) gas. docs/models/chemical.md §2.1.
namespace hg::chemical {

/// @brief Vertical term with ground reflection: exp(−(z−h)²/2σz²) + exp(−(z+h)²/2σz²).
double vertical_term(double z_m, double h_m, double sigma_z_m);

/// @brief Continuous plume: C = Q/(2π u σy σz) · exp(−y²/2σy²) · [vertical term], g/m3
/// (Turner 1970 eq. 3.1; Crowl & Louvar 2011 eq. 5-49). q in g/s.
double plume_concentration_g_m3(double q_g_s, double u_m_s, double sigma_y_m, double sigma_z_m, double y_m,
                                double z_m, double h_m);

/// @brief Instantaneous puff of `mass_g` centred at (0,0,h) with σx = σy: C = M/((2π)^{3/2} σx σy σz)
/// · exp(−dx²/2σx²) · exp(−dy²/2σy²) · [vertical term] (Crowl & Louvar 2011 eq. 5-38 with reflection).
double puff_concentration_g_m3(double mass_g, double sigma_x_m, double sigma_y_m, double sigma_z_m,
                               double dx_m, double dy_m, double z_m, double h_m);

/// @brief A straight segment of released gas between two puff centres, carrying `mass_g` spread evenly
/// along it, each end with its own horizontal σ (σx = σy) and σz; σ varies linearly along the segment.
struct Slug {
  double x0_m = 0, y0_m = 0; ///< older end
  double x1_m = 0, y1_m = 0; ///< younger end
  double sigma_h0_m = 1, sigma_h1_m = 1;
  double sigma_z0_m = 1, sigma_z1_m = 1;
  double h_m = 0; ///< height of the centreline
  double mass_g = 0;
};

/// @brief Concentration of a slug at a ground or elevated point, g/m3: the line integral of puffs,
/// C = (m/L)/(2π σ σz) · ½[erf((L−s)/√2σ) + erf(s/√2σ)] · exp(−d²/2σ²) · [vertical term], with s the
/// along-segment position of the receptor's foot and d its distance from the line (σ, σz taken at the
/// foot). For L → 0 it is a puff. An infinitely long steady slug with m/L = Q/u is exactly the plume.
double slug_concentration_g_m3(const Slug& s, double px_m, double py_m, double pz_m);

} // namespace hg::chemical
