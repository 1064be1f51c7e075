/// @file
/// @brief Hardy Cross mesh iteration. Meshes are the fundamental cycles of a spanning forest built from
/// the lowest-resistance branches, so that every mesh closes through one high-resistance branch (chord),
/// and fans and fixed-quantity branches are chords where possible: McPherson (1993) §7.3.2 (a) recommends
/// exactly this choice because it makes the corrections nearly independent and convergence fast.
#include "sim/hazards/mine/VentilationSolver.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace hg::mine {

namespace {

struct UnionFind {
  std::vector<int> parent;
  explicit UnionFind(int n) : parent(size_t(n)) { std::iota(parent.begin(), parent.end(), 0); }
  int find(int x) {
    while (parent[size_t(x)] != x) {
      parent[size_t(x)] = parent[size_t(parent[size_t(x)])];
      x = parent[size_t(x)];
    }
    return x;
  }
  bool unite(int a, int b) {
    a = find(a);
    b = find(b);
    if (a == b) return false;
    parent[size_t(std::max(a, b))] = std::min(a, b);
    return true;
  }
};

double fan_pressure(const VentBranch& b, double q) {
  if (!b.fan) return 0;
  return b.fan_dir * b.fan_scale * b.fan->pressure_pa(b.fan_dir * q);
}

/// d(dp)/dQ of a branch: 2R|Q| − d(fan)/dQ, with |Q| floored so that meshes with no flow still move.
double drop_derivative(const VentBranch& b, double q, double q_floor) {
  double d = 2 * b.r_ns2_m8 * std::max(std::abs(q), q_floor);
  if (b.fan) d -= b.fan_scale * b.fan->slope_pa_s_m3(b.fan_dir * q);
  return d;
}

} // namespace

double mesh_correction_m3_s(const std::vector<VentBranch>& branches, const std::vector<MeshEntry>& mesh,
                            const std::vector<double>& q, double q_floor) {
  double f = 0, d = 0;
  for (const auto& me : mesh) {
    const VentBranch& b = branches[size_t(me.branch)];
    const double qb = q[size_t(me.branch)];
    f += me.sign * branch_pressure_drop_pa(b, qb);
    d += drop_derivative(b, qb, q_floor);
  }
  return d > 0 ? -f / d : 0.0;
}

double branch_pressure_drop_pa(const VentBranch& b, double q) {
  return b.r_ns2_m8 * q * std::abs(q) - fan_pressure(b, q) - b.nvp_pa;
}

VentSolution solve_ventilation(const VentProblem& p, const VentOptions& o) {
  const int n = p.nodes;
  const size_t nb = p.branches.size();
  for (size_t i = 0; i < nb; ++i) {
    const VentBranch& b = p.branches[i];
    const std::string row = "branches[" + std::to_string(i) + "]";
    if (b.from < 0 || b.from >= n || b.to < 0 || b.to >= n)
      throw std::invalid_argument(row + ": node index out of range");
    if (!(b.r_ns2_m8 >= 0) || !std::isfinite(b.r_ns2_m8))
      throw std::invalid_argument(row + ".resistance_ns2_m8: expected a number >= 0");
    if (b.fixed_q_m3_s && !std::isfinite(*b.fixed_q_m3_s))
      throw std::invalid_argument(row + ".flow_m3_s: expected a finite number");
  }
  VentSolution s;
  s.q_m3_s.assign(nb, 0.0);
  s.dp_pa.assign(nb, 0.0);
  s.in_mesh.assign(nb, false);

  // Connected parts over active branches.
  UnionFind parts(n);
  for (const auto& b : p.branches)
    if (b.active) parts.unite(b.from, b.to);
  s.component.assign(size_t(n), -1);
  {
    std::vector<int> label(size_t(n), -1);
    for (int v = 0; v < n; ++v) {
      const int r = parts.find(v);
      if (label[size_t(r)] < 0) label[size_t(r)] = s.components++;
      s.component[size_t(v)] = label[size_t(r)];
    }
  }

  // Spanning forest: lowest resistance first; fans and fixed-quantity branches last (chords).
  std::vector<size_t> order;
  for (size_t i = 0; i < nb; ++i)
    if (p.branches[i].active && p.branches[i].from != p.branches[i].to) order.push_back(i);
  auto rank = [&](size_t i) {
    const VentBranch& b = p.branches[i];
    return b.fixed_q_m3_s ? 2 : (b.fan ? 1 : 0);
  };
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (rank(a) != rank(b)) return rank(a) < rank(b);
    return p.branches[a].r_ns2_m8 < p.branches[b].r_ns2_m8;
  });
  UnionFind tree_uf(n);
  std::vector<bool> in_tree(nb, false);
  std::vector<std::vector<size_t>> tree_adj(static_cast<size_t>(n));
  for (size_t i : order) {
    const VentBranch& b = p.branches[i];
    if (tree_uf.unite(b.from, b.to)) {
      in_tree[i] = true;
      tree_adj[size_t(b.from)].push_back(i);
      tree_adj[size_t(b.to)].push_back(i);
    }
  }
  // Root each tree (iteratively, deterministic order) to get parent branches and depths.
  std::vector<int> parent_branch(size_t(n), -1), parent_node(size_t(n), -1), depth(size_t(n), -1);
  for (int root = 0; root < n; ++root) {
    if (depth[size_t(root)] >= 0) continue;
    depth[size_t(root)] = 0;
    std::vector<int> stack = {root};
    while (!stack.empty()) {
      const int v = stack.back();
      stack.pop_back();
      for (size_t e : tree_adj[size_t(v)]) {
        const VentBranch& b = p.branches[e];
        const int w = b.from == v ? b.to : b.from;
        if (depth[size_t(w)] >= 0) continue;
        depth[size_t(w)] = depth[size_t(v)] + 1;
        parent_node[size_t(w)] = v;
        parent_branch[size_t(w)] = int(e);
        stack.push_back(w);
      }
    }
  }

  // One mesh per chord: along the chord from→to, then back through the tree from `to` to `from`.
  std::vector<std::vector<MeshEntry>> meshes;
  std::vector<int> mesh_chord;
  for (size_t i : order) {
    if (in_tree[i]) continue;
    const VentBranch& c = p.branches[i];
    std::vector<MeshEntry> m = {{int(i), 1.0}};
    std::vector<MeshEntry> down; // from the LCA down to c.from (collected upwards, reversed later)
    int a = c.to, b = c.from;
    while (a != b) {
      if (depth[size_t(a)] >= depth[size_t(b)]) { // walk up from the `to` side: child → parent
        const VentBranch& e = p.branches[size_t(parent_branch[size_t(a)])];
        m.push_back({parent_branch[size_t(a)], e.from == a ? 1.0 : -1.0});
        a = parent_node[size_t(a)];
      } else { // the `from` side is traversed parent → child
        const VentBranch& e = p.branches[size_t(parent_branch[size_t(b)])];
        down.push_back({parent_branch[size_t(b)], e.to == b ? 1.0 : -1.0});
        b = parent_node[size_t(b)];
      }
    }
    m.insert(m.end(), down.rbegin(), down.rend());
    for (const auto& me : m)
      s.in_mesh[size_t(me.branch)] = true;
    s.mesh_entries += long(m.size());
    meshes.push_back(std::move(m));
    mesh_chord.push_back(int(i));
  }
  s.meshes = int(meshes.size());
  for (size_t i = 0; i < nb; ++i)
    if (p.branches[i].fixed_q_m3_s && p.branches[i].active && !s.in_mesh[i] &&
        *p.branches[i].fixed_q_m3_s != 0)
      throw std::invalid_argument("branches[" + std::to_string(i) +
                                  "]: a fixed airflow needs a closed path back (the source and sink are not "
                                  "connected through the rest of the network)");

  // Which parts have a driving source at all.
  std::vector<bool> driven(size_t(s.components), false);
  for (const auto& b : p.branches)
    if (b.active && (b.fan || b.fixed_q_m3_s || b.nvp_pa != 0))
      driven[size_t(s.component[size_t(b.from)])] = true;
  for (int c = 0; c < s.components; ++c) {
    bool has_branch = false;
    for (const auto& b : p.branches)
      if (b.active && s.component[size_t(b.from)] == c) has_branch = true;
    if (has_branch && !driven[size_t(c)]) s.undriven_components.push_back(c);
  }

  // Initial mesh flows: fixed quantities, fans at the middle of their curve, other chords at zero.
  // Superposing mesh flows keeps Kirchhoff's first law exactly from the start.
  auto& q = s.q_m3_s;
  for (size_t k = 0; k < meshes.size(); ++k) {
    const VentBranch& c = p.branches[size_t(mesh_chord[k])];
    const double q0 = c.fixed_q_m3_s ? *c.fixed_q_m3_s : (c.fan ? c.fan_dir * c.fan->mid_q_m3_s() : 0.0);
    for (const auto& me : meshes[k])
      q[size_t(me.branch)] += me.sign * q0;
  }

  auto imbalance = [&](const std::vector<MeshEntry>& m) {
    double f = 0;
    for (const auto& me : m)
      f += me.sign * branch_pressure_drop_pa(p.branches[size_t(me.branch)], q[size_t(me.branch)]);
    return f;
  };
  std::vector<size_t> free_meshes;
  for (size_t k = 0; k < meshes.size(); ++k)
    if (!p.branches[size_t(mesh_chord[k])].fixed_q_m3_s) free_meshes.push_back(k);
  const bool newton =
      o.method == VentMethod::kNewton || (o.method == VentMethod::kAuto && free_meshes.size() > 300);
  s.newton = newton;
  if (newton) {
    const size_t nm = free_meshes.size();
    std::vector<double> f(nm), x(nm), r(nm), z(nm), d(nm), jd(nm), diag(nm), deriv(nb), tmp(nb);
    auto residuals = [&](const std::vector<double>& qq, std::vector<double>& out) {
      double worst = 0;
      for (size_t i = 0; i < nm; ++i) {
        double v = 0;
        for (const auto& me : meshes[free_meshes[i]])
          v += me.sign * branch_pressure_drop_pa(p.branches[size_t(me.branch)], qq[size_t(me.branch)]);
        out[i] = v;
        worst = std::max(worst, std::abs(v));
      }
      return worst;
    };
    auto apply_j = [&](const std::vector<double>& v, std::vector<double>& out) { // out = C D Cᵀ v
      std::fill(tmp.begin(), tmp.end(), 0.0);
      for (size_t i = 0; i < nm; ++i)
        for (const auto& me : meshes[free_meshes[i]])
          tmp[size_t(me.branch)] += me.sign * v[i];
      for (size_t i = 0; i < nm; ++i) {
        double a = 0;
        for (const auto& me : meshes[free_meshes[i]])
          a += me.sign * deriv[size_t(me.branch)] * tmp[size_t(me.branch)];
        out[i] = a;
      }
    };
    double worst = residuals(q, f);
    std::vector<double> q_try(nb), f_try(nm);
    for (int it = 1; it <= o.max_iterations; ++it) {
      for (size_t b = 0; b < nb; ++b)
        deriv[b] = std::max(drop_derivative(p.branches[b], q[b], o.q_floor_m3_s), 1e-9);
      for (size_t i = 0; i < nm; ++i) {
        double a = 0;
        for (const auto& me : meshes[free_meshes[i]])
          a += deriv[size_t(me.branch)];
        diag[i] = a;
      }
      // PCG on J x = −f.
      std::fill(x.begin(), x.end(), 0.0);
      double rz = 0, bnorm = 0;
      for (size_t i = 0; i < nm; ++i) {
        r[i] = -f[i];
        z[i] = r[i] / diag[i];
        d[i] = z[i];
        rz += r[i] * z[i];
        bnorm += r[i] * r[i];
      }
      for (int cg = 0; cg < 4 * int(nm) + 50 && rz > 0; ++cg) {
        apply_j(d, jd);
        double djd = 0;
        for (size_t i = 0; i < nm; ++i)
          djd += d[i] * jd[i];
        if (!(djd > 0)) break;
        const double alpha = rz / djd;
        double rr = 0;
        for (size_t i = 0; i < nm; ++i) {
          x[i] += alpha * d[i];
          r[i] -= alpha * jd[i];
          rr += r[i] * r[i];
        }
        if (rr <= 1e-20 * bnorm) break;
        double rz_new = 0;
        for (size_t i = 0; i < nm; ++i) {
          z[i] = r[i] / diag[i];
          rz_new += r[i] * z[i];
        }
        const double beta = rz_new / rz;
        rz = rz_new;
        for (size_t i = 0; i < nm; ++i)
          d[i] = z[i] + beta * d[i];
      }
      // Step halving until the largest imbalance falls (or the step is tiny).
      double step = 1, max_dq = 0, worst_try = worst;
      for (int h = 0; h < 30; ++h, step *= 0.5) {
        q_try = q;
        max_dq = 0;
        for (size_t i = 0; i < nm; ++i) {
          for (const auto& me : meshes[free_meshes[i]])
            q_try[size_t(me.branch)] += me.sign * step * x[i];
          max_dq = std::max(max_dq, std::abs(step * x[i]));
        }
        worst_try = residuals(q_try, f_try);
        if (worst_try < worst || max_dq <= o.tol_q_m3_s) break;
      }
      q.swap(q_try);
      f.swap(f_try);
      worst = worst_try;
      s.iterations = it;
      s.max_correction_m3_s = max_dq;
      if (worst <= o.tol_p_pa && (max_dq <= std::max(o.tol_q_m3_s, 1e-3) || worst == 0)) {
        s.converged = true;
        break;
      }
    }
  } else {
    for (int it = 1; it <= o.max_iterations; ++it) {
      double max_dq = 0;
      for (size_t k = 0; k < meshes.size(); ++k) {
        if (p.branches[size_t(mesh_chord[k])].fixed_q_m3_s) continue;
        const double dq = mesh_correction_m3_s(p.branches, meshes[k], q, o.q_floor_m3_s);
        for (const auto& me : meshes[k])
          q[size_t(me.branch)] += me.sign * dq;
        max_dq = std::max(max_dq, std::abs(dq));
      }
      s.iterations = it;
      s.max_correction_m3_s = max_dq;
      if (max_dq <= o.tol_q_m3_s) {
        double worst = 0;
        for (size_t k = 0; k < meshes.size(); ++k)
          if (!p.branches[size_t(mesh_chord[k])].fixed_q_m3_s)
            worst = std::max(worst, std::abs(imbalance(meshes[k])));
        if (worst <= o.tol_p_pa || max_dq == 0) {
          s.converged = true;
          break;
        }
      }
    }
  }
  if (meshes.empty()) s.converged = true;

  for (size_t i = 0; i < nb; ++i) {
    if (!p.branches[i].active) {
      q[i] = 0;
      continue;
    }
    s.dp_pa[i] = branch_pressure_drop_pa(p.branches[i], q[i]);
  }
  // A fixed-quantity branch takes whatever pressure closes its mesh.
  for (size_t k = 0; k < meshes.size(); ++k) {
    const size_t c = size_t(mesh_chord[k]);
    if (!p.branches[c].fixed_q_m3_s) {
      s.max_imbalance_pa = std::max(s.max_imbalance_pa, std::abs(imbalance(meshes[k])));
      continue;
    }
    double rest = 0;
    for (const auto& me : meshes[k])
      if (size_t(me.branch) != c) rest += me.sign * s.dp_pa[size_t(me.branch)];
    s.dp_pa[c] = -rest;
  }
  return s;
}

} // namespace hg::mine
