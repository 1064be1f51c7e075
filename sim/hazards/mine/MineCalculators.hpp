#pragma once
/// @file
/// @brief `hgdrill model ventilation NETWORK.yaml [--json]`: the Hardy Cross airflow of a mine network file.
#include "sim/hazards/Calculator.hpp"

namespace hg::mine {

std::vector<Calculator> mine_calculators();

/// @brief Runs the ventilation calculator on a file; prints to stdout/stderr; returns the exit code
/// (0 ok, 1 not converged, 3 invalid input). Shared by the CLI and the tests.
int run_ventilation_calculator(const std::string& file, bool json);

} // namespace hg::mine
