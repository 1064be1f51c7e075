#pragma once
/// @file
/// @brief A continuous or short release in a wind that changes speed and direction over time: the gas
/// is carried as a chain of puff centres released at the source every sub-step and moved with the wind
/// of the moment; consecutive centres bound a slug (Gaussian.hpp) carrying the mass released between
/// them. In a steady wind the chain is a straight line and the field equals the Gaussian plume; when the
/// wind turns, the older part keeps going where it was blown (Lagrangian puff/slug approach of INPUFF,
/// Petersen & Lavdas 1986, and CALPUFF, Scire et al. 2000). σ grow with each centre's own travel
/// distance along the plume σ curves of the current class; when the class changes, growth continues
/// from the "virtual distance" of the new curve that gives the same σ. docs/models/chemical.md §2.5.
#include "sim/hazards/chemical/Gaussian.hpp"
#include "sim/hazards/chemical/Sigmas.hpp"

#include <vector>

namespace hg::chemical {

/// @brief The wind and stability during a sub-step.
struct Wind {
  double speed_m_s = 2;
  double from_deg = 0; ///< meteorological: the direction the wind blows from, clockwise from north
  Stability stability = Stability::kD;
};

/// @brief One puff centre.
struct PuffNode {
  double x_m = 0, y_m = 0; ///< east/north of the source
  double h_m = 0;          ///< centreline height
  double sigma_h_m = 1, sigma_z_m = 1;
  double travel_m = 0;
  double virtual_y_m = 0, virtual_z_m = 0; ///< positions on the current class' σ curves
  Stability stability = Stability::kD;
  double mass_from_prev_g = 0; ///< mass of the slug between the previous centre and this one
  bool linked = false;         ///< false = first centre of a chain (no slug behind it)
};

/// @brief The chain of puff centres.
class PuffTrain {
public:
  /// @brief `initial_sigma_m` is the size of the gas at the source (≥ 0.1 m).
  explicit PuffTrain(SigmaSet set, double initial_sigma_m = 1.0);
  /// @brief Moves every centre with `wind` for dt_s, growing its σ, then (if mass_g > 0 or the chain is
  /// open) adds a new centre at the source carrying `mass_g`, the mass released during the sub-step, at
  /// height h_m. A sub-step with no mass closes the chain.
  void step(double dt_s, double mass_g, double h_m, const Wind& wind);
  /// @brief Concentration at (x, y, z) m, g/m3: the sum over every slug.
  double concentration_g_m3(double x_m, double y_m, double z_m) const;
  /// @brief Drops slugs whose both ends travelled beyond max_travel_m.
  void prune(double max_travel_m);
  const std::vector<PuffNode>& nodes() const { return nodes_; }
  /// @brief The slugs as they are now (for grid evaluation by callers that cache them).
  std::vector<Slug> slugs() const;
  /// @brief Mass in the air (sum of all slugs), g.
  double airborne_mass_g() const;

private:
  void grow(PuffNode& n, double ds_m, Stability s) const;
  SigmaSet set_;
  double sigma0_m_;
  std::vector<PuffNode> nodes_;
  bool open_ = false; ///< the youngest centre is at the source and the release continues
};

} // namespace hg::chemical

namespace hg::chemical {

/// @brief Evaluates many receptors against a fixed set of slugs, skipping slugs whose 6σ box does not
/// hold the receptor (beyond 6σ a Gaussian term is below 1.5e-8 of its peak).
class SlugField {
public:
  explicit SlugField(std::vector<Slug> slugs);
  double concentration_g_m3(double x_m, double y_m, double z_m) const;
  size_t size() const { return slugs_.size(); }
  /// @brief Whether any slug's 6σ box overlaps the rectangle [x0, x1] × [y0, y1]: if not, every point
  /// inside it is 0 (callers skip whole zones, roads and grid rows with it; same result, less work).
  bool touches(double x0_m, double x1_m, double y0_m, double y1_m) const;

private:
  struct Box {
    double x0, x1, y0, y1;
  };
  std::vector<Slug> slugs_;
  std::vector<Box> boxes_;
};

} // namespace hg::chemical
