#pragma once
/// @file
/// @brief Expected loss of life in a flooded zone from water depth.
namespace hg::flood {

/// @brief Share of the people in a flooded area expected to die at water depth `depth_m`: Jonkman,
/// Maaskant, Boyd & Levitan (2009), Risk Analysis 29(5) 676-698, "remaining zone":
/// Phi((ln h - 7.60) / 2.75). 0 for depth <= 0.
double flood_mortality(double depth_m);

} // namespace hg::flood
