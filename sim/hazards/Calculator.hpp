#pragma once
/// @file
/// @brief A `hgdrill model NAME` calculator that a hazard folder contributes: one published formula or
/// model evaluated at given inputs, so that a plan author can check a number by hand or from a script
/// (`--json` prints one JSON object). The names and options of a calculator are a stable interface.
#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

namespace hg {

/// Exit codes a calculator returns, the same as every hgdrill verb (docs/user-guide.md).
namespace calc_exit {
constexpr int kOk = 0;
constexpr int kUsage = 2;
constexpr int kInvalidInput = 3;
} // namespace calc_exit

struct Calculator {
  std::string name; ///< sub-command of `hgdrill model`, e.g. "fire"
  std::string help; ///< one line, "English / 中文"
  /// Registers the options on `sub` (created with `name` and `help`) and returns what runs it.
  std::function<std::function<int()>(CLI::App& sub)> add;
};

} // namespace hg
