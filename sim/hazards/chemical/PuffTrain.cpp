/// @file
/// @brief Puff/slug chain in a changing wind.
#include "sim/hazards/chemical/PuffTrain.hpp"

#include "sim/hazards/chemical/Checks.hpp"

#include <algorithm>
#include <cmath>

namespace hg::chemical {

PuffTrain::PuffTrain(SigmaSet set, double sigma0) : set_(set), sigma0_m_(std::max(0.1, sigma0)) {}

void PuffTrain::grow(PuffNode& n, double ds, Stability s) const {
  if (s != n.stability || n.virtual_y_m <= 0) {
    n.virtual_y_m = virtual_distance_m(set_, s, n.sigma_h_m, false);
    n.virtual_z_m = virtual_distance_m(set_, s, n.sigma_z_m, true);
    n.stability = s;
  }
  n.virtual_y_m += ds;
  n.virtual_z_m += ds;
  const Sigmas gy = plume_sigmas(set_, s, n.virtual_y_m);
  const Sigmas gz = plume_sigmas(set_, s, n.virtual_z_m);
  n.sigma_h_m = std::max(n.sigma_h_m, gy.y_m);
  n.sigma_z_m = std::max(n.sigma_z_m, gz.z_m);
  n.travel_m += ds;
}

void PuffTrain::step(double dt_s, double mass_g, double h_m, const Wind& w) {
  require_positive("dt_s", dt_s, "s");
  require_non_negative("mass_g", mass_g, "g");
  require_positive("wind_m_s", w.speed_m_s, "m/s");
  const double to = (w.from_deg + 180.0) * M_PI / 180.0;
  const double dx = w.speed_m_s * dt_s * std::sin(to), dy = w.speed_m_s * dt_s * std::cos(to);
  const double ds = w.speed_m_s * dt_s;
  for (PuffNode& n : nodes_) {
    n.x_m += dx;
    n.y_m += dy;
    grow(n, ds, w.stability);
  }
  if (mass_g > 0) {
    if (!open_) {
      // A new chain starts: the centre released at the start of this sub-step, now moved downwind.
      PuffNode first;
      first.x_m = dx, first.y_m = dy, first.h_m = h_m;
      first.sigma_h_m = first.sigma_z_m = sigma0_m_;
      first.stability = w.stability;
      grow(first, ds, w.stability);
      first.linked = false;
      nodes_.push_back(first);
    }
    PuffNode n;
    n.h_m = h_m;
    n.sigma_h_m = n.sigma_z_m = sigma0_m_;
    n.stability = w.stability;
    n.virtual_y_m = virtual_distance_m(set_, w.stability, sigma0_m_, false);
    n.virtual_z_m = virtual_distance_m(set_, w.stability, sigma0_m_, true);
    n.mass_from_prev_g = mass_g;
    n.linked = true;
    nodes_.push_back(n);
    open_ = true;
  } else {
    open_ = false;
  }
}

std::vector<Slug> PuffTrain::slugs() const {
  std::vector<Slug> out;
  out.reserve(nodes_.size());
  for (size_t i = 1; i < nodes_.size(); ++i) {
    const PuffNode& b = nodes_[i];
    if (!b.linked || b.mass_from_prev_g <= 0) continue;
    const PuffNode& a = nodes_[i - 1];
    Slug s;
    s.x0_m = a.x_m, s.y0_m = a.y_m, s.x1_m = b.x_m, s.y1_m = b.y_m;
    s.sigma_h0_m = a.sigma_h_m, s.sigma_h1_m = b.sigma_h_m;
    s.sigma_z0_m = a.sigma_z_m, s.sigma_z1_m = b.sigma_z_m;
    s.h_m = 0.5 * (a.h_m + b.h_m);
    s.mass_g = b.mass_from_prev_g;
    out.push_back(s);
  }
  return out;
}

double PuffTrain::concentration_g_m3(double x, double y, double z) const {
  double c = 0;
  for (const Slug& s : slugs())
    c += slug_concentration_g_m3(s, x, y, z);
  return c;
}

void PuffTrain::prune(double max_travel_m) {
  // Remove leading centres while the slug they bound is entirely beyond the limit.
  size_t drop = 0;
  while (drop + 1 < nodes_.size() && nodes_[drop].travel_m > max_travel_m &&
         nodes_[drop + 1].travel_m > max_travel_m)
    ++drop;
  if (drop > 0) {
    nodes_.erase(nodes_.begin(), nodes_.begin() + long(drop));
    nodes_.front().linked = false;
  }
  if (nodes_.size() == 1 && !open_ && nodes_.front().travel_m > max_travel_m) nodes_.clear();
}

double PuffTrain::airborne_mass_g() const {
  double m = 0;
  for (size_t i = 1; i < nodes_.size(); ++i)
    if (nodes_[i].linked) m += nodes_[i].mass_from_prev_g;
  return m;
}

} // namespace hg::chemical

namespace hg::chemical {

SlugField::SlugField(std::vector<Slug> slugs) : slugs_(std::move(slugs)) {
  boxes_.reserve(slugs_.size());
  for (const Slug& s : slugs_) {
    const double m = 6 * std::max(s.sigma_h0_m, s.sigma_h1_m);
    boxes_.push_back({std::min(s.x0_m, s.x1_m) - m, std::max(s.x0_m, s.x1_m) + m,
                      std::min(s.y0_m, s.y1_m) - m, std::max(s.y0_m, s.y1_m) + m});
  }
}

double SlugField::concentration_g_m3(double x, double y, double z) const {
  double c = 0;
  for (size_t i = 0; i < slugs_.size(); ++i) {
    const Box& b = boxes_[i];
    if (x < b.x0 || x > b.x1 || y < b.y0 || y > b.y1) continue;
    c += slug_concentration_g_m3(slugs_[i], x, y, z);
  }
  return c;
}

bool SlugField::touches(double x0, double x1, double y0, double y1) const {
  for (const Box& b : boxes_)
    if (b.x1 >= x0 && b.x0 <= x1 && b.y1 >= y0 && b.y0 <= y1) return true;
  return false;
}

} // namespace hg::chemical
