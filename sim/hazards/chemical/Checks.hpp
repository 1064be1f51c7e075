#pragma once
/// @file
/// @brief Argument checks shared by the chemical-release formulas. A failure throws std::invalid_argument
/// whose message starts with the field name ("q_g_s: expected a number > 0 g/s (got -1)"), so that the
/// command line can rename the field to its option and the loader can prefix a file path.
#include <cmath>
#include <sstream>
#include <stdexcept>
#include <string>

namespace hg::chemical {

/// @brief A number as error messages show it (up to 6 significant digits).
inline std::string show(double v) {
  std::ostringstream s;
  s.precision(6);
  s << v;
  return s.str();
}

/// @brief Throws unless value is finite and > 0.
inline void require_positive(const std::string& field, double v, const std::string& unit = "") {
  if (!(std::isfinite(v) && v > 0))
    throw std::invalid_argument(field + ": expected a number > 0" + (unit.empty() ? "" : " " + unit) +
                                " (got " + show(v) + ")");
}

/// @brief Throws unless value is finite and >= 0.
inline void require_non_negative(const std::string& field, double v, const std::string& unit = "") {
  if (!(std::isfinite(v) && v >= 0))
    throw std::invalid_argument(field + ": expected a number >= 0" + (unit.empty() ? "" : " " + unit) +
                                " (got " + show(v) + ")");
}

/// @brief Throws unless lo <= value <= hi.
inline void require_in_range(const std::string& field, double v, double lo, double hi,
                             const std::string& unit = "") {
  if (!(std::isfinite(v) && v >= lo && v <= hi))
    throw std::invalid_argument(field + ": expected a number from " + show(lo) + " to " + show(hi) +
                                (unit.empty() ? "" : " " + unit) + " (got " + show(v) + ")");
}

/// @brief Throws unless value is finite.
inline void require_finite(const std::string& field, double v) {
  if (!std::isfinite(v))
    throw std::invalid_argument(field + ": expected a finite number (got " + show(v) + ")");
}

} // namespace hg::chemical
