/// @file
/// @brief ContaminantField: plug flow with exact parcel bookkeeping (no numerical diffusion).
#include "sim/hazards/mine/Contaminants.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace hg::mine {

namespace {
constexpr double kFlowEpsM3S = 1e-6; ///< below this an airway is treated as still
bool same(const Mix& a, const Mix& b) {
  return std::abs(a.co_ppm - b.co_ppm) <= 1e-9 * std::max(1.0, a.co_ppm) &&
         std::abs(a.smoke_mg_m3 - b.smoke_mg_m3) <= 1e-9 * std::max(1.0, a.smoke_mg_m3);
}
} // namespace

ContaminantField::ContaminantField(const MineNetwork& net) : net_(net) {
  const size_t nb = net.branches.size();
  q_.assign(nb, 0.0);
  parcels_.resize(nb);
  for (size_t b = 0; b < nb; ++b) {
    const double v = net.volume_m3(int(b));
    if (!(v > 0))
      throw std::invalid_argument("branches[" + std::to_string(b) + "] (" + net.branches[b].id +
                                  "): contaminant transport needs length_m and area_m2");
    parcels_[b].push_back({v, {}});
  }
  node_.assign(net.junctions.size(), Mix{});
  exit_.assign(nb, Mix{});
  jsrc_.assign(net.junctions.size(), Mix{});
  bsrc_.assign(nb, Mix{});
  set_flows(q_);
}

void ContaminantField::set_flows(const std::vector<double>& q) {
  q_.assign(q.begin(), q.begin() + std::min(q.size(), net_.branches.size()));
  q_.resize(net_.branches.size(), 0.0);
  // Kahn's order over the flow directions; junctions on a recirculation loop come last, in index order,
  // and read their upstream neighbour's value of the previous step.
  const size_t nj = net_.junctions.size();
  std::vector<int> indeg(nj, 0);
  std::vector<std::vector<int>> out(nj);
  for (size_t b = 0; b < q_.size(); ++b) {
    if (std::abs(q_[b]) <= kFlowEpsM3S) continue;
    const int u = q_[b] > 0 ? net_.branches[b].from : net_.branches[b].to;
    const int v = q_[b] > 0 ? net_.branches[b].to : net_.branches[b].from;
    out[size_t(u)].push_back(v);
    ++indeg[size_t(v)];
  }
  order_.clear();
  std::vector<bool> placed(nj, false);
  std::deque<int> ready;
  for (size_t j = 0; j < nj; ++j)
    if (indeg[j] == 0) ready.push_back(int(j));
  while (!ready.empty()) {
    const int u = ready.front();
    ready.pop_front();
    order_.push_back(u);
    placed[size_t(u)] = true;
    for (int v : out[size_t(u)])
      if (--indeg[size_t(v)] == 0) ready.push_back(v);
  }
  for (size_t j = 0; j < nj; ++j)
    if (!placed[j]) order_.push_back(int(j));
}

void ContaminantField::add_junction_source(int j, double co_m3_s, double smoke_g_s) {
  jsrc_[size_t(j)].co_ppm += co_m3_s;
  jsrc_[size_t(j)].smoke_mg_m3 += smoke_g_s;
}

void ContaminantField::add_branch_source(int b, double co_m3_s, double smoke_g_s) {
  bsrc_[size_t(b)].co_ppm += co_m3_s;
  bsrc_[size_t(b)].smoke_mg_m3 += smoke_g_s;
}

void ContaminantField::fill_branch(int b, Mix m) {
  auto& d = parcels_[size_t(b)];
  for (const auto& p : d)
    co_in_m3_ -= p.volume_m3 * p.c.co_ppm * 1e-6; // replaced air leaves the balance
  d.clear();
  d.push_back({net_.volume_m3(b), m});
  co_in_m3_ += net_.volume_m3(b) * m.co_ppm * 1e-6;
}

void ContaminantField::push(std::deque<Parcel>& d, bool at_front, Parcel p) {
  if (p.volume_m3 <= 0) return;
  if (!d.empty()) {
    Parcel& end = at_front ? d.front() : d.back();
    if (same(end.c, p.c)) {
      end.volume_m3 += p.volume_m3;
      return;
    }
  }
  if (at_front)
    d.push_front(p);
  else
    d.push_back(p);
}

Mix ContaminantField::pop(std::deque<Parcel>& d, bool at_front, double volume) {
  Mix sum;
  double taken = 0;
  while (taken < volume && !d.empty()) {
    Parcel& p = at_front ? d.front() : d.back();
    const double v = std::min(p.volume_m3, volume - taken);
    sum.co_ppm += v * p.c.co_ppm;
    sum.smoke_mg_m3 += v * p.c.smoke_mg_m3;
    taken += v;
    p.volume_m3 -= v;
    if (p.volume_m3 <= 1e-12 * std::max(1.0, volume)) {
      if (at_front)
        d.pop_front();
      else
        d.pop_back();
    }
  }
  if (taken > 0) {
    sum.co_ppm /= taken;
    sum.smoke_mg_m3 /= taken;
  }
  return sum;
}

void ContaminantField::step_branch(int b, double dt, const Mix& inflow) {
  const double q = q_[size_t(b)];
  const double vol = std::abs(q) * dt;
  Mix in = inflow;
  const Mix& s = bsrc_[size_t(b)];
  in.co_ppm += s.co_ppm / std::abs(q) * 1e6;
  in.smoke_mg_m3 += s.smoke_mg_m3 / std::abs(q) * 1e3;
  co_in_m3_ += s.co_ppm * dt;
  auto& d = parcels_[size_t(b)];
  const bool forward = q > 0;
  push(d, forward, {vol, in});              // enters at the upstream end
  exit_[size_t(b)] = pop(d, !forward, vol); // the same volume leaves downstream
}

void ContaminantField::step(double dt_s) {
  const size_t nb = net_.branches.size();
  std::vector<bool> stepped(nb, false), done(net_.junctions.size(), false);
  std::vector<Mix> leaving(net_.junctions.size()); // what leaves each junction this step
  for (size_t j = 0; j < leaving.size(); ++j)
    leaving[j] = net_.junctions[j].surface ? Mix{} : node_[j];
  // Junctions are visited upstream first; an airway is stepped when its upstream junction is mixed (or,
  // on a recirculation loop, with that junction's previous value).
  for (int j : order_) {
    double q_in = 0;
    Mix sum;
    for (size_t b = 0; b < nb; ++b) {
      const double q = q_[b];
      if (std::abs(q) <= kFlowEpsM3S) continue;
      const int down = q > 0 ? net_.branches[b].to : net_.branches[b].from;
      if (down != j) continue;
      const int up = q > 0 ? net_.branches[b].from : net_.branches[b].to;
      if (!stepped[b]) {
        step_branch(int(b), dt_s, leaving[size_t(up)]);
        stepped[b] = true;
      }
      q_in += std::abs(q);
      sum.co_ppm += std::abs(q) * exit_[b].co_ppm;
      sum.smoke_mg_m3 += std::abs(q) * exit_[b].smoke_mg_m3;
    }
    const Mix& src = jsrc_[size_t(j)];
    co_in_m3_ += src.co_ppm * dt_s;
    if (q_in > kFlowEpsM3S) {
      Mix m;
      m.co_ppm = (sum.co_ppm + src.co_ppm * 1e6) / q_in;
      m.smoke_mg_m3 = (sum.smoke_mg_m3 + src.smoke_mg_m3 * 1e3) / q_in;
      node_[size_t(j)] = m;
      if (net_.junctions[size_t(j)].surface) co_out_m3_ += m.co_ppm * 1e-6 * q_in * dt_s;
    } else if (src.co_ppm > 0 || src.smoke_mg_m3 > 0) {
      co_in_m3_ -= src.co_ppm * dt_s; // no air through: the source has nowhere to go in this model
    }
    done[size_t(j)] = true;
    leaving[size_t(j)] = net_.junctions[size_t(j)].surface ? Mix{} : node_[size_t(j)];
  }
  // Airways that feed no junction visited after them (cannot happen in a closed network) are stepped here.
  for (size_t b = 0; b < nb; ++b)
    if (!stepped[b] && std::abs(q_[b]) > kFlowEpsM3S) {
      const int up = q_[b] > 0 ? net_.branches[b].from : net_.branches[b].to;
      step_branch(int(b), dt_s, leaving[size_t(up)]);
    }
  std::fill(jsrc_.begin(), jsrc_.end(), Mix{});
  std::fill(bsrc_.begin(), bsrc_.end(), Mix{});
}

Mix ContaminantField::in_branch(int b, double s) const {
  const auto& d = parcels_[size_t(b)];
  const double target = std::clamp(s, 0.0, 1.0) * net_.volume_m3(b);
  double acc = 0;
  for (const auto& p : d) {
    acc += p.volume_m3;
    if (acc >= target) return p.c;
  }
  return d.empty() ? Mix{} : d.back().c;
}

double ContaminantField::co_volume_m3() const {
  double v = 0;
  for (const auto& d : parcels_)
    for (const auto& p : d)
      v += p.volume_m3 * p.c.co_ppm * 1e-6;
  return v;
}

} // namespace hg::mine
