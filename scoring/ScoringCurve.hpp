#pragma once
/// @file
/// @brief How a KPI value becomes a 0–100 score: full marks at or inside the target, zero at or
/// beyond the fail value, and a linear ramp or a step in between.
namespace hg::score {

enum class CurveKind { kLinear, kStep };

struct ScoringCurve {
  CurveKind kind = CurveKind::kLinear;
  double target = 0;
  double fail = 0;
  double partial = 50;        ///< step only: the score strictly between target and fail
  bool lower_is_better = true;

  /// Both ends are inclusive: a value exactly at the target scores 100 and a value exactly at the
  /// fail value scores 0. Linear: 100 * (fail - v) / (fail - target) in between.
  double score(double value) const;
  /// True if the value is at or inside the target.
  bool meets_target(double value) const { return lower_is_better ? value <= target : value >= target; }
};

} // namespace hg::score
