#pragma once
/// @file
/// @brief Argument checks shared by the flood formulas. Every failure throws std::invalid_argument
/// whose message starts with the field name, in the project's validation style
/// ("inflow[3]: expected a flow >= 0 m3/s (got -5)"), so that callers can prefix a file path.
#include <string>

namespace hg::flood {

/// @brief Formats a number the way error messages show it (shortest round-trip-ish form).
std::string format_number(double value);
/// @brief Throws unless value is finite and > 0.
void require_positive(const std::string& field, double value, const std::string& unit = "");
/// @brief Throws unless value is finite and >= 0.
void require_non_negative(const std::string& field, double value, const std::string& unit = "");
/// @brief Throws unless value is a finite flow >= 0 m3/s.
void require_flow(const std::string& field, double value_m3_s);
/// @brief Throws unless lo <= value <= hi.
void require_in_range(const std::string& field, double value, double lo, double hi);
/// @brief Throws unless value is finite.
void require_finite(const std::string& field, double value);

} // namespace hg::flood
