// Manning's equation and normal depth against published worked examples (US units converted to SI).
#include "sim/hazards/flood/Manning.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <stdexcept>

using hg::flood::ChannelSection;
using hg::flood::manning_flow;
using hg::flood::normal_depth_m;

namespace {
constexpr double kFt = 0.3048;           // m per ft (exact)
constexpr double kCfs = kFt * kFt * kFt; // m3/s per ft3/s
} // namespace

// Ponce, V.M., San Diego State University, CIVE 530 Open-Channel Hydraulics, Midterm 1 Fall 2008,
// Problem 4 (worked solution published at facets.sdsu.edu/protected31/cive530_midterm_1_problem_4_fa08.html):
// b = 6 m, y = 1.6 m, n = 0.015, S = 0.0025 → A = 9.6 m2, R = 1.043 m, V = 3.428 m/s, Q = 32.91 m3/s.
TEST_CASE("Manning rectangular: Ponce CIVE 530 midterm 1 (2008) problem 4", "[flood][manning]") {
  const auto flow = manning_flow(ChannelSection::rectangular(6.0), 1.6, 0.015, 0.0025);
  CHECK(flow.geometry.area_m2 == Approx(9.6));
  CHECK(flow.geometry.wetted_perimeter_m == Approx(9.2));
  CHECK(flow.geometry.hydraulic_radius_m == Approx(1.043).margin(5e-4));
  // The solution rounds R to 1.043 m before computing V, which lowers V and Q by ~0.04 %.
  CHECK(flow.velocity_m_s == Approx(3.428).margin(2e-3));
  CHECK(flow.discharge_m3_s == Approx(32.91).margin(0.02));
}

// Ponce, V.M., SDSU CIVE 530, Midterm 2 Spring 2007, Problem 1 (jon.sdsu.edu/protected31/
// cive530_midterm_2_problem_1_sp07.html): b = 5 m, y = 0.8 m, n = 0.015, S = 0.0025 →
// A = 4.0 m2, R = 0.606 m, V = 2.387 m/s, Q = 9.548 m3/s.
TEST_CASE("Manning rectangular: Ponce CIVE 530 midterm 2 (2007) problem 1", "[flood][manning]") {
  const auto flow = manning_flow(ChannelSection::rectangular(5.0), 0.8, 0.015, 0.0025);
  CHECK(flow.geometry.area_m2 == Approx(4.0));
  CHECK(flow.geometry.hydraulic_radius_m == Approx(0.606).margin(5e-4));
  CHECK(flow.velocity_m_s == Approx(2.387).margin(1e-3));
  CHECK(flow.discharge_m3_s == Approx(9.548).margin(5e-3));
  // Normal depth inverts the same example.
  CHECK(normal_depth_m(ChannelSection::rectangular(5.0), 9.548, 0.015, 0.0025) == Approx(0.8).margin(5e-4));
}

// Chow, V.T. (1959) Open-Channel Hydraulics, McGraw-Hill, §6-5 (computation of uniform flow),
// Example 6-2: trapezoidal channel b = 20 ft, z = 2, S = 0.0016, n = 0.025, Q = 400 cfs;
// AR^(2/3) = 168 and the normal depth is yn = 3.36 ft. Chow's 1.49 US factor vs the exact 1.486 changes
// yn by ~0.2 %, inside the 0.01 ft margin. SI: b = 6.096 m, Q = 11.327 m3/s, yn = 1.024 m.
TEST_CASE("Manning trapezoidal normal depth: Chow (1959) Example 6-2", "[flood][manning]") {
  const auto section = ChannelSection::trapezoidal(20 * kFt, 2.0);
  const double yn_m = normal_depth_m(section, 400 * kCfs, 0.025, 0.0016);
  CHECK(yn_m / kFt == Approx(3.36).margin(0.01));
  const auto g = section.geometry(3.36 * kFt);
  const double ar23_ft83 = g.area_m2 / (kFt * kFt) * std::pow(g.hydraulic_radius_m / kFt, 2.0 / 3.0);
  CHECK(ar23_ft83 == Approx(168).margin(0.5));
}

// Mays, L.W. (2011) Water Resources Engineering, 2nd ed., Wiley, Problem 5.3.4 (statement gives the
// normal depths): trapezoid b = 20 ft, side slopes 1V:1.5H, n = 0.014, Q = 1500 cfs → yn = 8.18 ft for
// S = 0.0003 and 9.13 ft for S = 0.0002. Those are hand-iterated, rounded values (8.18 ft carries 1486
// cfs, not 1500); the margin of 0.06 ft (0.7 %) covers that rounding.
TEST_CASE("Manning trapezoidal normal depth: Mays (2011) Problem 5.3.4", "[flood][manning]") {
  const auto section = ChannelSection::trapezoidal(20 * kFt, 1.5);
  CHECK(normal_depth_m(section, 1500 * kCfs, 0.014, 0.0003) / kFt == Approx(8.18).margin(0.06));
  CHECK(normal_depth_m(section, 1500 * kCfs, 0.014, 0.0002) / kFt == Approx(9.13).margin(0.06));
}

// Full circular pipe, civiltoolbox.com "Manning pipe" worked output: D = 0.667 ft (8 in), n = 0.013,
// S = 0.005 → A = 0.349 ft2, P = 2.094 ft, R = 0.167 ft, Q = 0.854 cfs, V = 2.448 ft/s.
TEST_CASE("Manning circular full: civiltoolbox worked example", "[flood][manning]") {
  const auto flow = manning_flow(ChannelSection::circular(0.667 * kFt), 0.667 * kFt, 0.013, 0.005);
  CHECK(flow.geometry.area_m2 / (kFt * kFt) == Approx(0.349).margin(1e-3));
  CHECK(flow.geometry.wetted_perimeter_m / kFt == Approx(2.094).margin(2e-3));
  CHECK(flow.geometry.hydraulic_radius_m / kFt == Approx(0.167).margin(1e-3));
  CHECK(flow.discharge_m3_s / kCfs == Approx(0.854).epsilon(0.005));
  CHECK(flow.velocity_m_s / kFt == Approx(2.448).epsilon(0.005));
}

// Half-full circular pipe: Mott & Untener (2015) Applied Fluid Mechanics, 7th ed., Pearson, Practice
// Problem 14.12 (p. 392), 6 ft corrugated-metal storm drain, half full, S = 1/500, n = 0.024; worked in
// the iemisc R package vignette "Manning iemiscdata Examples" (Embry 2024): A = 14.13717 ft2,
// P = 9.424778 ft, R = 1.5 ft, Q = 51.29267 cfs, V = 3.628214 ft/s.
TEST_CASE("Manning circular half full: Mott & Untener (2015) Problem 14.12", "[flood][manning]") {
  const auto flow = manning_flow(ChannelSection::circular(6 * kFt), 3 * kFt, 0.024, 1.0 / 500);
  CHECK(flow.geometry.area_m2 / (kFt * kFt) == Approx(14.13717).epsilon(1e-5));
  CHECK(flow.geometry.wetted_perimeter_m / kFt == Approx(9.424778).epsilon(1e-5));
  CHECK(flow.geometry.hydraulic_radius_m / kFt == Approx(1.5).epsilon(1e-6));
  // iemisc uses the exact US factor 1.486, identical to SI 1/n after conversion.
  CHECK(flow.discharge_m3_s / kCfs == Approx(51.29267).epsilon(5e-4));
  CHECK(flow.velocity_m_s / kFt == Approx(3.628214).epsilon(5e-4));
}

TEST_CASE("Manning circular: normal depth is the free-surface root below the capacity", "[flood][manning]") {
  const auto pipe = ChannelSection::circular(1.0);
  const double q_half = manning_flow(pipe, 0.5, 0.013, 0.001).discharge_m3_s;
  CHECK(normal_depth_m(pipe, q_half, 0.013, 0.001) == Approx(0.5).margin(1e-9));
  const double q_full = manning_flow(pipe, 1.0, 0.013, 0.001).discharge_m3_s;
  // Maximum discharge at y ≈ 0.938 D is ~7.6 % above the full-pipe discharge (a known property of
  // Manning flow in circles, constant n),
  // so a flow just above q_full still has a partly-full normal depth, but 1.2 q_full has none.
  CHECK(normal_depth_m(pipe, 1.05 * q_full, 0.013, 0.001) < 1.0);
  CHECK_THROWS_WITH(normal_depth_m(pipe, 1.2 * q_full, 0.013, 0.001), Catch::StartsWith("discharge_m3_s:"));
}

TEST_CASE("Manning: bad inputs name the field", "[flood][manning]") {
  CHECK_THROWS_WITH(ChannelSection::rectangular(-1), Catch::StartsWith("width_m:"));
  CHECK_THROWS_WITH(ChannelSection::circular(0), Catch::StartsWith("diameter_m:"));
  CHECK_THROWS_WITH(ChannelSection::circular(1).geometry(1.5), Catch::StartsWith("depth_m:"));
  CHECK_THROWS_WITH(manning_flow(ChannelSection::rectangular(1), -0.1, 0.03, 0.001),
                    Catch::StartsWith("depth_m:"));
  CHECK_THROWS_WITH(manning_flow(ChannelSection::rectangular(1), 0.1, 0, 0.001), Catch::StartsWith("n:"));
  CHECK_THROWS_WITH(manning_flow(ChannelSection::rectangular(1), 0.1, 0.03, -1), Catch::StartsWith("slope:"));
  CHECK_THROWS_WITH(normal_depth_m(ChannelSection::rectangular(1), -3, 0.03, 0.001),
                    Catch::StartsWith("discharge_m3_s:"));
}
