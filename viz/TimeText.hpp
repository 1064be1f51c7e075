#pragma once
/// @file
/// @brief Time on the command line and on screen: "5400", "90m", "2.5h", "1:30:00" to seconds, and
/// seconds to "T+01:30:00" or to a wall-clock label from the scenario start.
#include <string>

namespace hg::viz {

class TimeText {
public:
  /// Seconds from "N" (seconds), "Ns", "Nm", "Nh", "Nd" or "H:MM[:SS]"; throws std::invalid_argument.
  static double parse(const std::string& text);
  /// "T+hh:mm:ss" (hours may exceed 24).
  static std::string clock(double t);
  /// Wall clock "YYYY-MM-DD hh:mm" of `start` (ISO 8601, e.g. "2023-07-15T08:00:00+08:00") plus t
  /// seconds, in the start's own offset; "" if start is empty or not ISO.
  static std::string wall(const std::string& start, double t);
};

} // namespace hg::viz
