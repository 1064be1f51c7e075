#pragma once
/// @file
/// @brief Checks of values given on the command line, made before any engine starts (a bad value
/// is exit code 2, never an abort inside SimGrid): seeds and the allowed --cfg options.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hg {

/// Parses a seed: an unsigned 64-bit decimal (0 … 18446744073709551615), digits only. On failure
/// returns nullopt and sets `error`.
std::optional<uint64_t> parse_seed(const std::string& text, std::string& error);

/// "" if `cfg` (`KEY:VALUE` or `--log=CATEGORY.thresh:LEVEL`) is an allowed engine option, else why not.
std::string check_cfg_option(const std::string& cfg);

/// The allowed --cfg options, one line each, for messages and docs.
std::vector<std::string> allowed_cfg_options();

/// "" if `arg` is not a number or is a finite one; else a message (inf and nan are never inputs).
std::string check_finite_argument(const std::string& arg);

} // namespace hg
