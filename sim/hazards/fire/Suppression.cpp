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

bool LineAssignment::on_edge(const FireSpread& fs, size_t i) const {
  const FireGrid& g = fs.grid();
  if (fs.burned(i) || fs.blocked(i)) return false;
  const Cell c = g.cell(i);
  for (int dr = -1; dr <= 1; ++dr)
    for (int dc = -1; dc <= 1; ++dc)
      if ((dr || dc) && g.inside(c.col + dc, c.row + dr) && fs.burned(g.index(c.col + dc, c.row + dr)))
        return true;
  return false;
}

std::optional<size_t> LineAssignment::next_direct_cell(const FireSpread& fs, bool left) const {
  const FireGrid& g = fs.grid();
  const int side = left ? 0 : 1;
  // Walk along the edge: the 4-neighbour of the crew's cell that touches the fire and is furthest
  // towards the head keeps the line continuous.
  if (flank_pos_[side]) {
    const Cell c = g.cell(*flank_pos_[side]);
    std::optional<size_t> best;
    double best_a = -1;
    static const int d4[4][2] = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
    for (const auto& d : d4) {
      if (!g.inside(c.col + d[0], c.row + d[1])) continue;
      const size_t j = g.index(c.col + d[0], c.row + d[1]);
      if (!on_edge(fs, j)) continue;
      const double a = flank_angle(g, j, left);
      if (a <= 180.0 + 1e-9 && a > best_a) {
        best_a = a;
        best = j;
      }
    }
    if (best) return best;
  }
  // Otherwise (start, or the fire ran past the crew's segment): the edge cell nearest in angle ahead of
  // the progress made so far.
  int c0 = 0, r0 = 0, c1 = -1, r1 = -1;
  if (!fs.burned_bbox(c0, r0, c1, r1)) return std::nullopt;
  std::optional<size_t> best;
  double best_a = 1e9;
  for (int r = std::max(0, r0 - 1); r <= std::min(g.ny() - 1, r1 + 1); ++r)
    for (int c = std::max(0, c0 - 1); c <= std::min(g.nx() - 1, c1 + 1); ++c) {
      const size_t i = g.index(c, r);
      if (!on_edge(fs, i)) continue;
      const double a = flank_angle(g, i, left);
      if (a > 180.0 + 1e-9 || a < progress_deg_[side] - 1e-9) continue;
      if (a < best_a) {
        best_a = a;
        best = i;
      }
    }
  return best;
}

LineWork LineAssignment::build_direct(FireSpread& fs, double personnel, double dt_s, bool left) {
  LineWork w;
  const FireGrid& g = fs.grid();
  const int side = left ? 0 : 1;
  carry_m_[side] += personnel * dt_s; // person-seconds of work available
  while (true) {
    std::optional<size_t> next;
    if (!anchor_ && !flank_pos_[0] && !flank_pos_[1]) {
      // Both halves start from one anchor cell at the rear, so that the line has no gap there.
      next = next_direct_cell(fs, true);
    } else {
      next = next_direct_cell(fs, left);
    }
    if (!next) break;
    const int code = g.fuel(*next) == 93 ? 1 : g.fuel(*next);
    const double need = g.cell_m() / std::max(1e-9, line_m_per_person_s(crew_, code));
    if (carry_m_[side] < need) break;
    if (!fs.build_line(*next)) break;
    carry_m_[side] -= need;
    ++w.cells;
    w.metres += g.cell_m();
    position_ = *next;
    if (!anchor_) {
      anchor_ = *next;
      flank_pos_[0] = flank_pos_[1] = *next;
    } else {
      flank_pos_[side] = *next;
      progress_deg_[side] = std::max(progress_deg_[side], flank_angle(g, *next, left));
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
