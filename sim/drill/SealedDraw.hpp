#pragma once
/// @file
/// @brief The double-blind draw (双盲抽签): at start the server draws the scenario actually played
/// from the exercise's pool — template, run seed (which draws the template's uncertain inputs, its
/// parameter ranges) and start day within the window, at the template's time of day — from a secret of 256
/// random bits, and commits to it: SHA-256 of the draw's canonical text followed by the secret. The
/// commitment is published at start; `hgdrill reveal` shows the draw and the secret afterwards, and anyone
/// can check that the draw follows from the secret and hashes to the commitment, so the organiser could not
/// have chosen the scenario to suit anyone after the commitment was published.
#include "sim/drill/Exercise.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace hg {

struct Draw {
  size_t index = 0;            ///< in the pool
  std::string scenario;        ///< absolute path
  std::string template_ref;    ///< the pool entry as written relative to the exercise file
  std::string scenario_sha256; ///< of the template file's bytes
  uint64_t seed = 0;
  long long start_epoch_s = 0;
  /// The canonical text that is hashed: {"pool_index","template","scenario_sha256","seed","start"}.
  std::string canonical() const;
};

/// Hex SHA-256 (OpenSSL).
std::string sha256_hex(const std::string& bytes);
/// 256 random bits in hex (OpenSSL RAND_bytes). Throws std::runtime_error.
std::string random_hex(size_t bytes);
/// The draw a secret gives for an exercise (deterministic). Throws std::runtime_error if a template
/// cannot be read.
Draw draw_from_secret(const Exercise& ex, const std::string& secret_hex);
/// SHA-256 of canonical() followed by the secret.
std::string commitment_of(const Draw& d, const std::string& secret_hex);

} // namespace hg
