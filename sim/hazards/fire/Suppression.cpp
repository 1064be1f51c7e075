/// @file
/// @brief Direct and indirect fireline construction on a FireSpread grid.
#include "sim/hazards/fire/Suppression.hpp"

#include <algorithm>
#include <cmath>

namespace hg::fire {

namespace {
constexpr double kPi = 3.14159265358979323846;
}

std::vector<size_t> rasterize_polyline(const FireGrid& g, const std::vector<std::pair<double, double>>& xy) {
  std::vector<size_t> out;
  auto push = [&](int c, int r) {
    if (!g.inside(c, r)) return;
    const size_t i = g.index(c, r);
    if (std::find(out.begin(), out.end(), i) == out.end()) out.push_back(i);
  };
  const double* gt = g.geotransform();
  auto to_cr = [&](double x, double y) {
    return std::pair<double, double>{(x - gt[0]) / gt[1], (y - gt[3]) / gt[5]};
  };
  for (size_t k = 0; k + 1 < xy.size(); ++k) {
    auto [c0, r0] = to_cr(xy[k].first, xy[k].second);
    auto [c1, r1] = to_cr(xy[k + 1].first, xy[k + 1].second);
    // Walk the segment in small steps; when both column and row change, insert the corner cell so the
    // result stays 4-connected.
    const double len = std::hypot(c1 - c0, r1 - r0);
    const int steps = std::max(1, static_cast<int>(std::ceil(len * 4)));
    int pc = static_cast<int>(std::floor(c0)), pr = static_cast<int>(std::floor(r0));
    push(pc, pr);
    for (int s = 1; s <= steps; ++s) {
      const double t = double(s) / steps;
      const int cc = static_cast<int>(std::floor(c0 + t * (c1 - c0)));
      const int rr = static_cast<int>(std::floor(r0 + t * (r1 - r0)));
      if (cc == pc && rr == pr) continue;
      if (cc != pc && rr != pr) push(cc, pr);
      push(cc, rr);
      pc = cc, pr = rr;
    }
  }
  return out;
}

LineAssignment::LineAssignment(AttackMode mode, CrewType crew, std::vector<size_t> planned, Cell origin,
                               double back_azimuth_deg)
    : mode_(mode), crew_(crew), planned_(std::move(planned)), origin_(origin),
      back_azimuth_deg_(back_azimuth_deg) {
  if (!planned_.empty()) position_ = planned_.front();
}

double LineAssignment::flank_angle(const FireGrid& g, size_t idx, bool left) const {
  const Cell c = g.cell(idx);
  const double az = std::atan2(double(c.col - origin_.col), double(origin_.row - c.row)) * 180 / kPi;
  double rel = std::fmod(az - back_azimuth_deg_ + 720.0, 360.0); // 0 = rear, clockwise
  // Left flank (seen from the rear looking at the head) runs clockwise from the rear: 0 → 180.
  return left ? rel : std::fmod(360.0 - rel, 360.0);
}

LineWork LineAssignment::build_direct(FireSpread& fs, double personnel, double dt_s, bool left) {
  LineWork w;
  const FireGrid& g = fs.grid();
  int c0, r0, c1, r1;
  if (!fs.burned_bbox(c0, r0, c1, r1)) return w;
  // Unburned, burnable cells touching the burned area on this flank, ordered from the rear to the head.
  std::vector<std::pair<double, size_t>> edge;
  for (int r = std::max(0, r0 - 1); r <= std::min(g.ny() - 1, r1 + 1); ++r)
    for (int c = std::max(0, c0 - 1); c <= std::min(g.nx() - 1, c1 + 1); ++c) {
      const size_t i = g.index(c, r);
      if (fs.burned(i) || fs.blocked(i)) continue;
      bool touches = false;
      for (int dr = -1; dr <= 1 && !touches; ++dr)
        for (int dc = -1; dc <= 1 && !touches; ++dc)
          if ((dr || dc) && g.inside(c + dc, r + dr) && fs.burned(g.index(c + dc, r + dr))) touches = true;
      if (!touches) continue;
      const double a = flank_angle(g, i, left);
      if (a <= 180.0 + 1e-9) edge.push_back({a, i});
    }
  std::sort(edge.begin(), edge.end());
  const int side = left ? 0 : 1;
  carry_m_[side] += personnel * dt_s; // person-seconds, turned into metres cell by cell below
  for (const auto& [a, i] : edge) {
    const double need_person_s =
        g.cell_m() / std::max(1e-9, line_m_per_person_s(crew_, g.fuel(i) == 93 ? 1 : g.fuel(i)));
    if (carry_m_[side] < need_person_s) break;
    if (fs.build_line(i)) {
      carry_m_[side] -= need_person_s;
      ++w.cells;
      w.metres += g.cell_m();
      position_ = i;
    }
  }
  return w;
}

LineWork LineAssignment::work(FireSpread& fs, double personnel, double dt_s) {
  LineWork w;
  if (personnel <= 0 || dt_s <= 0) return w;
  const FireGrid& g = fs.grid();
  if (mode_ == AttackMode::kDirect) {
    const LineWork a = build_direct(fs, personnel / 2, dt_s, true);
    const LineWork b = build_direct(fs, personnel / 2, dt_s, false);
    w.cells = a.cells + b.cells;
    w.metres = a.metres + b.metres;
    for (double& c : carry_m_) {
      // Unused effort is not banked beyond one cell of the slowest fuel: crews cannot save up hours.
      const double cap = g.cell_m() / line_m_per_person_s(crew_, 7);
      c = std::min(c, cap);
    }
  } else {
    carry_m_[0] += personnel * dt_s;
    while (next_ < planned_.size()) {
      const size_t i = planned_[next_];
      if (fs.blocked(i) || fs.burned(i)) { // nothing to cut here, or the fire got there first
        ++next_;
        continue;
      }
      const double need = g.cell_m() / std::max(1e-9, line_m_per_person_s(crew_, g.fuel(i)));
      if (carry_m_[0] < need) break;
      fs.build_line(i);
      carry_m_[0] -= need;
      ++w.cells;
      w.metres += g.cell_m();
      position_ = i;
      ++next_;
    }
    if (next_ >= planned_.size()) carry_m_[0] = 0;
  }
  built_m_ += w.metres;
  return w;
}

} // namespace hg::fire
