/// @file
/// @brief Network state → solver problem.
#include "sim/hazards/mine/NetworkState.hpp"

#include <algorithm>
#include <limits>

namespace hg::mine {

NetworkState initial_state(const MineNetwork& net) {
  NetworkState s;
  s.status.assign(net.branches.size(), AirwayStatus::kOpen);
  s.travel_closed.assign(net.branches.size(), false);
  for (const auto& f : net.fans)
    s.fans.push_back(f.state);
  for (const auto& d : net.doors)
    s.door_open.push_back(d.open);
  s.door_destroyed.assign(net.doors.size(), false);
  s.regulator_destroyed.assign(net.regulators.size(), false);
  return s;
}

double effective_resistance(const MineNetwork& net, const NetworkState& st, int b) {
  if (st.status[size_t(b)] == AirwayStatus::kBlocked)
    return std::max(st.blocked_r_ns2_m8, net.branches[size_t(b)].r_ns2_m8);
  double r = net.branches[size_t(b)].r_ns2_m8;
  for (size_t d = 0; d < net.doors.size(); ++d)
    if (net.doors[d].branch == b && !st.door_open[d]) r += net.doors[d].r_closed_ns2_m8;
  for (size_t g = 0; g < net.regulators.size(); ++g)
    if (net.regulators[g].branch == b && !st.regulator_destroyed[g]) r += net.regulators[g].r_ns2_m8;
  return r;
}

VentProblem vent_problem(const MineNetwork& net, const NetworkState& st) {
  VentProblem p;
  p.nodes = int(net.junctions.size());
  for (size_t i = 0; i < net.branches.size(); ++i) {
    const Branch& b = net.branches[i];
    VentBranch vb;
    vb.from = b.from;
    vb.to = b.to;
    vb.r_ns2_m8 = effective_resistance(net, st, int(i));
    vb.active = st.status[i] != AirwayStatus::kRemoved;
    if (net.natural_ventilation)
      vb.nvp_pa = b.density_kg_m3 * kGravityMS2 *
                  (net.junctions[size_t(b.from)].z_m - net.junctions[size_t(b.to)].z_m);
    p.branches.push_back(vb);
  }
  for (size_t f = 0; f < net.fans.size(); ++f) {
    VentBranch& vb = p.branches[size_t(net.fans[f].branch)];
    if (st.fans[f] == FanState::kStopped) continue;
    vb.fan = &net.fans[f].curve;
    vb.fan_dir = st.fans[f] == FanState::kReversed ? -1 : 1;
    vb.fan_scale = st.fans[f] == FanState::kReversed ? net.fans[f].reverse_pressure_factor : 1;
  }
  if (net.has_surface()) {
    const int atm = p.nodes++;
    double z_ref = std::numeric_limits<double>::infinity();
    for (const auto& j : net.junctions)
      if (j.surface) z_ref = std::min(z_ref, j.z_m);
    for (size_t j = 0; j < net.junctions.size(); ++j) {
      if (!net.junctions[j].surface) continue;
      VentBranch vb;
      vb.from = int(j);
      vb.to = atm;
      if (net.natural_ventilation)
        vb.nvp_pa = net.surface_air_density_kg_m3 * kGravityMS2 * (net.junctions[j].z_m - z_ref);
      p.branches.push_back(vb);
    }
  }
  if (net.boundary) {
    VentBranch vb;
    vb.from = net.boundary->sink;
    vb.to = net.boundary->source;
    vb.fixed_q_m3_s = net.boundary->flow_m3_s;
    p.branches.push_back(vb);
  }
  return p;
}

} // namespace hg::mine
