/// @file
/// @brief Muskingum routing coefficients, their validity check, and hydrograph routing.
#include "sim/hazards/flood/Muskingum.hpp"

#include "sim/hazards/flood/Validate.hpp"

#include <sstream>
#include <stdexcept>

namespace hg::flood {

Muskingum::Muskingum(double k_h, double x, double dt_h) : k_h_(k_h), x_(x), dt_h_(dt_h) {
  require_positive("k_h", k_h, "h");
  require_in_range("x", x, 0.0, 0.5);
  require_positive("dt_h", dt_h, "h");
  // Chow, Maidment & Mays (1988) eqs. 8.4.7–8.4.9; the common denominator keeps C0 + C1 + C2 = 1.
  const double denominator = 2.0 * k_h * (1.0 - x) + dt_h;
  coefficients_.c0 = (dt_h - 2.0 * k_h * x) / denominator;
  coefficients_.c1 = (dt_h + 2.0 * k_h * x) / denominator;
  coefficients_.c2 = (2.0 * k_h * (1.0 - x) - dt_h) / denominator;
}

bool Muskingum::dt_in_recommended_range() const {
  return 2.0 * k_h_ * x_ <= dt_h_ && dt_h_ <= 2.0 * k_h_ * (1.0 - x_);
}

bool Muskingum::has_negative_coefficient() const {
  return coefficients_.c0 < 0 || coefficients_.c1 < 0 || coefficients_.c2 < 0;
}

std::vector<std::string> Muskingum::warnings() const {
  std::vector<std::string> out;
  if (!dt_in_recommended_range()) {
    std::ostringstream s;
    s << "dt_h: " << dt_h_ << " h is outside the recommended range 2KX = " << 2.0 * k_h_ * x_
      << " h to 2K(1-X) = " << 2.0 * k_h_ * (1.0 - x_) << " h";
    out.push_back(s.str());
  }
  const char* names[] = {"C0", "C1", "C2"};
  const double values[] = {coefficients_.c0, coefficients_.c1, coefficients_.c2};
  for (int i = 0; i < 3; ++i)
    if (values[i] < 0) {
      std::ostringstream s;
      s << names[i] << " = " << values[i] << " is negative: the routed outflow may dip or oscillate";
      out.push_back(s.str());
    }
  return out;
}

double Muskingum::step_m3_s(double inflow_start_m3_s, double inflow_end_m3_s,
                            double outflow_start_m3_s) const {
  return coefficients_.c0 * inflow_end_m3_s + coefficients_.c1 * inflow_start_m3_s +
         coefficients_.c2 * outflow_start_m3_s;
}

std::vector<double> Muskingum::route(const std::vector<double>& inflow_m3_s,
                                     std::optional<double> initial_outflow_m3_s) const {
  for (size_t i = 0; i < inflow_m3_s.size(); ++i)
    require_flow("inflow[" + std::to_string(i) + "]", inflow_m3_s[i]);
  if (initial_outflow_m3_s) require_flow("initial_outflow", *initial_outflow_m3_s);
  std::vector<double> outflow;
  if (inflow_m3_s.empty()) return outflow;
  outflow.reserve(inflow_m3_s.size());
  outflow.push_back(initial_outflow_m3_s.value_or(inflow_m3_s.front()));
  for (size_t i = 1; i < inflow_m3_s.size(); ++i)
    outflow.push_back(step_m3_s(inflow_m3_s[i - 1], inflow_m3_s[i], outflow.back()));
  return outflow;
}

double Muskingum::storage_m3(double inflow_m3_s, double outflow_m3_s) const {
  return k_h_ * 3600.0 * (x_ * inflow_m3_s + (1.0 - x_) * outflow_m3_s);
}

} // namespace hg::flood
