/// @file
/// @brief FanCurve: linear interpolation of a fan's pressure–quantity points.
#include "sim/hazards/mine/FanCurve.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

namespace hg::mine {

FanCurve::FanCurve(std::vector<FanPoint> points) : pts_(std::move(points)) {
  if (pts_.size() < 2) throw std::invalid_argument("curve: expected at least two [Q_m3_s, P_pa] points");
  for (size_t i = 0; i < pts_.size(); ++i) {
    const std::string row = "curve[" + std::to_string(i) + "]";
    if (!std::isfinite(pts_[i].q_m3_s) || !std::isfinite(pts_[i].p_pa))
      throw std::invalid_argument(row + ": expected finite numbers");
    if (pts_[i].q_m3_s < 0) throw std::invalid_argument(row + ": expected Q >= 0 m3/s");
    if (i > 0 && !(pts_[i].q_m3_s > pts_[i - 1].q_m3_s))
      throw std::invalid_argument(row + ": quantities must increase from point to point");
  }
}

size_t FanCurve::segment(double q) const {
  size_t i = 1;
  while (i + 1 < pts_.size() && q > pts_[i].q_m3_s)
    ++i;
  return i;
}

double FanCurve::pressure_pa(double q) const {
  if (pts_.empty()) return 0;
  if (q <= pts_.front().q_m3_s) return pts_.front().p_pa; // shut-off side and reverse flow
  const size_t i = segment(q);
  const FanPoint& a = pts_[i - 1];
  const FanPoint& b = pts_[i];
  return a.p_pa + (q - a.q_m3_s) * (b.p_pa - a.p_pa) / (b.q_m3_s - a.q_m3_s);
}

double FanCurve::slope_pa_s_m3(double q) const {
  if (pts_.empty() || q <= pts_.front().q_m3_s) return 0;
  const size_t i = segment(q);
  return (pts_[i].p_pa - pts_[i - 1].p_pa) / (pts_[i].q_m3_s - pts_[i - 1].q_m3_s);
}

double FanCurve::mid_q_m3_s() const {
  return pts_.empty() ? 0 : 0.5 * (pts_.front().q_m3_s + pts_.back().q_m3_s);
}

} // namespace hg::mine
