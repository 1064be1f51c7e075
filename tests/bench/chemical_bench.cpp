// Chemical model cost: ground-level concentration over a 500 × 500 receptor grid at each time step of
// a one-hour ammonia release (60-s steps, a puff/slug chain following a wind that turns 60° half-way),
// against a bare loop evaluating exp() the same number of times per grid point and slug, in the same
// run. Reports grid evaluations per second (receptor-time-step evaluations) and the ratio.
// Usage: bench_chemical [cells=500] [steps=60]
#include "sim/hazards/chemical/PuffTrain.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace {
double now_s() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
} // namespace

int main(int argc, char** argv) {
  using namespace hg::chemical;
  const int cells = argc > 1 ? std::atoi(argv[1]) : 500;
  const int steps = argc > 2 ? std::atoi(argv[2]) : 60;
  const double half = 10000, spacing = 2 * half / (cells - 1);
  PuffTrain train(SigmaSet::kIsc3Rural, 1.0);
  std::vector<double> field(size_t(cells) * size_t(cells));
  double model_s = 0, base_s = 0, checksum = 0, base_sum = 0;
  long long slug_evals = 0;
  for (int k = 0; k < steps; ++k) {
    const Wind w{2.5, k < steps / 2 ? 315.0 : 255.0, Stability::kF};
    train.step(60, 8000.0 * 60, 1.0, w); // 8 kg/s airborne
    const std::vector<Slug> slugs = train.slugs();
    const SlugField f(slugs);
    double t0 = now_s();
    for (int j = 0; j < cells; ++j)
      for (int i = 0; i < cells; ++i)
        field[size_t(j) * size_t(cells) + size_t(i)] =
            f.concentration_g_m3(-half + i * spacing, -half + j * spacing, 0);
    model_s += now_s() - t0;
    for (double v : field)
      checksum += v;
    // Baseline: the same number of (grid point × slug) pairs, each one exp() of a varying argument.
    const long long pairs = (long long)cells * cells * (long long)slugs.size();
    slug_evals += pairs;
    t0 = now_s();
    double acc = 0;
    for (long long p = 0; p < pairs; ++p)
      acc += std::exp(-1e-9 * double(p & 1023));
    base_s += now_s() - t0;
    base_sum += acc;
  }
  const double grid_evals = double(cells) * cells * steps;
  std::printf("chemical benchmark: %d x %d receptors, %d steps of 60 s, %zu puff centres at the end\n", cells,
              cells, steps, train.nodes().size());
  std::printf("  bare exp() loop, one per receptor and slug: %8.3f s  %12.0f exp/s\n", base_s,
              base_s > 0 ? double(slug_evals) / base_s : 0.0);
  std::printf("  slug field on the grid (6-sigma culling):   %8.3f s  %12.0f grid evaluations/s\n", model_s,
              model_s > 0 ? grid_evals / model_s : 0.0);
  std::printf("  ratio model / exp loop: %.2fx   (checksums %.6g %.6g)\n",
              base_s > 0 ? model_s / base_s : 0.0, checksum, base_sum);
  return 0;
}
