/// @file
/// @brief Scoring curves. The target end is tested first so that target == fail (a pure pass/fail
/// step) gives 100 at the target, never 0.
#include "scoring/ScoringCurve.hpp"

namespace hg::score {

double ScoringCurve::score(double v) const {
  if (meets_target(v))
    return 100.0;
  const bool beyond_fail = lower_is_better ? v >= fail : v <= fail;
  if (beyond_fail)
    return 0.0;
  if (kind == CurveKind::kStep)
    return partial;
  // Between target and fail; fail != target here, else one of the tests above would have held.
  return 100.0 * (fail - v) / (fail - target);
}

} // namespace hg::score
