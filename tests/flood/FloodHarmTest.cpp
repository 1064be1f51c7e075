// Depth-mortality used for flood harm (the flood-physics work replaces it with the paper's table).
#include "sim/hazards/flood/FloodHarm.hpp"

#include <catch2/catch.hpp>

#include <cmath>

TEST_CASE("flood depth-mortality function of Jonkman et al. (2009)") {
  // Risk Analysis 29(5):676-698, remaining zone: F_D(h) = Phi((ln h - 7.60) / 2.75).
  // Hand computation: h = 1 m -> Phi(-2.7636) = 0.00286; h = e^7.60 m -> Phi(0) = 0.5; h = 0 -> 0.
  CHECK(hg::flood::flood_mortality(1.0) == Approx(0.00286).epsilon(0.01));
  CHECK(hg::flood::flood_mortality(std::exp(7.60)) == Approx(0.5));
  CHECK(hg::flood::flood_mortality(0.0) == 0.0);
  CHECK(hg::flood::flood_mortality(3.0) > hg::flood::flood_mortality(1.0));
}
