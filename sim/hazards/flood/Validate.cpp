/// @file
/// @brief Argument checks shared by the flood formulas (messages name the field and the bad value).
#include "sim/hazards/flood/Validate.hpp"

#include <cmath>
#include <sstream>
#include <stdexcept>

namespace hg::flood {

std::string format_number(double value) {
  std::ostringstream s;
  s.precision(10);
  s << value;
  return s.str();
}

namespace {
[[noreturn]] void fail(const std::string& field, const std::string& expected, double value) {
  throw std::invalid_argument(field + ": expected " + expected + " (got " + format_number(value) + ")");
}
std::string with_unit(const std::string& unit) {
  return unit.empty() ? "" : " " + unit;
}
} // namespace

void require_positive(const std::string& field, double value, const std::string& unit) {
  if (!std::isfinite(value) || value <= 0) fail(field, "a number > 0" + with_unit(unit), value);
}

void require_non_negative(const std::string& field, double value, const std::string& unit) {
  if (!std::isfinite(value) || value < 0) fail(field, "a number >= 0" + with_unit(unit), value);
}

void require_flow(const std::string& field, double value_m3_s) {
  if (!std::isfinite(value_m3_s) || value_m3_s < 0) fail(field, "a flow >= 0 m3/s", value_m3_s);
}

void require_in_range(const std::string& field, double value, double lo, double hi) {
  if (!std::isfinite(value) || value < lo || value > hi)
    fail(field, "a number in [" + format_number(lo) + ", " + format_number(hi) + "]", value);
}

void require_finite(const std::string& field, double value) {
  if (!std::isfinite(value)) fail(field, "a finite number", value);
}

} // namespace hg::flood
