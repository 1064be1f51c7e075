#pragma once
/// @file
/// @brief Steady airflow in a mine ventilation network by the Hardy Cross method (Cross 1936; as applied
/// to mine networks in McPherson 1993, Subsurface Ventilation Engineering §7.3.2): square law
/// p = R·Q|Q| in every branch, fans as pressure sources p_fan(Q) from their curves, natural ventilating
/// pressures as fixed sources, fixed-quantity branches, Kirchhoff's first law kept exactly by mesh flows.
/// Pure C++: the mine model and `hgdrill model ventilation` both call solve_ventilation().
#include "sim/hazards/mine/FanCurve.hpp"

#include <optional>
#include <string>
#include <vector>

namespace hg::mine {

/// @brief One branch of the network handed to the solver (indices into nodes 0..nodes-1).
struct VentBranch {
  int from = 0;
  int to = 0;
  double r_ns2_m8 = 0; ///< resistance, >= 0 (0 only for tree-like connections, e.g. to the atmosphere)
  const FanCurve* fan = nullptr;      ///< fan in this branch, nullptr if none
  double fan_dir = 1;                 ///< +1: the fan pushes from→to; -1: reversed (pushes to→from)
  double fan_scale = 1;               ///< multiplier on the curve's pressure (reversed fans deliver less)
  std::optional<double> fixed_q_m3_s; ///< fixed-quantity branch (e.g. the boundary flow)
  double nvp_pa = 0;                  ///< natural ventilating pressure acting from→to, Pa
  bool active = true;                 ///< false: removed from the network (e.g. an airway destroyed)
};

/// @brief A network: node count and branches.
struct VentProblem {
  int nodes = 0;
  std::vector<VentBranch> branches;
};

/// @brief How the mesh flows are corrected.
enum class VentMethod {
  kAuto,       ///< Hardy Cross up to 300 meshes, Newton–Raphson above
  kHardyCross, ///< one mesh at a time (Cross 1936; McPherson §7.3.2)
  kNewton, ///< all meshes at once: J·ΔL = −F with J = C·diag(dp'/dQ)·Cᵀ, solved by Jacobi-preconditioned
           ///< conjugate gradients, with step halving (the loop-flow Newton–Raphson of e.g. Wang & Hartman
           ///< 1967; its Jacobi diagonal is exactly Hardy Cross's denominator)
};

/// @brief Convergence settings (McPherson §7.3.2 (e): stop when every mesh correction is small).
struct VentOptions {
  VentMethod method = VentMethod::kAuto;
  double tol_q_m3_s = 1e-6;   ///< largest mesh correction in a sweep
  double tol_p_pa = 1e-3;     ///< largest mesh pressure imbalance after a sweep
  int max_iterations = 20000; ///< sweeps over all meshes
  double q_floor_m3_s = 1e-3; ///< |Q| floor in the derivative (meshes that start with no flow)
};

/// @brief Result of a solve.
struct VentSolution {
  std::vector<double> q_m3_s; ///< flow per branch, positive from→to (0 for inactive branches)
  std::vector<double> dp_pa;  ///< total pressure at `from` minus at `to` (R·Q|Q| − fan − nvp)
  std::vector<bool> in_mesh;  ///< branch lies on a closed path: false = dead end, no through-flow
  std::vector<int> component; ///< connected part of each node (over active branches)
  int components = 0;
  int meshes = 0;
  long mesh_entries = 0; ///< branches summed over all meshes (the work of one sweep)
  int iterations = 0;    ///< sweeps made (Hardy Cross) or Newton steps
  bool newton = false;   ///< solved by Newton–Raphson
  bool converged = false;
  double max_imbalance_pa = 0;    ///< largest |Σ s·dp| over meshes at the end
  double max_correction_m3_s = 0; ///< largest |ΔQ| of the last sweep
  /// Components that carry no driving source (no fan, fixed flow or natural pressure): no air moves.
  std::vector<int> undriven_components;
};

/// @brief Solves the network. Throws std::invalid_argument for a bad branch (node out of range,
/// negative resistance) or a fixed-quantity branch that has no closed path ("branches[3]: ...").
VentSolution solve_ventilation(const VentProblem& p, const VentOptions& o = {});

/// @brief One entry of a mesh: a branch and +1 if the mesh runs along it from→to, −1 against.
struct MeshEntry {
  int branch = 0;
  double sign = 1;
};

/// @brief The Hardy Cross correction of one mesh at flows q (McPherson 1993 eq. 7.15 with fans):
/// ΔQ = −Σ s·(R·Q|Q| − p_fan − nvp) / Σ (2R|Q| − dp_fan/dQ); |Q| is floored at q_floor. 0 if the
/// denominator is not positive.
double mesh_correction_m3_s(const std::vector<VentBranch>& branches, const std::vector<MeshEntry>& mesh,
                            const std::vector<double>& q_m3_s, double q_floor_m3_s);

/// @brief The pressure drop of one branch at flow q (R·q|q| − fan − nvp), Pa.
double branch_pressure_drop_pa(const VentBranch& b, double q_m3_s);

} // namespace hg::mine
