#pragma once
/// @file
/// @brief An outside input to a running scenario: a decision by a person (a team at its post), an
/// inject, or a clock change (pause, resume, step, pace). Inputs cross into the single-threaded engine
/// through one queue (LiveRun), are journalled with the simulated time at which they took effect, and
/// seed + journal replay a drill to the same byte-identical log (replay()).
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace hg {

struct World;

enum class InputKind { kDecision, kInject, kClock };

const char* input_kind_name(InputKind k);

struct RunInput {
  long seq = 0;     ///< journal order (1, 2, …); set when the engine takes it
  double t_s = -1;  ///< simulated time at which it took effect; set when the engine applies it
  InputKind kind = InputKind::kDecision;
  std::string by;   ///< who sent it: a team, a person, "facilitator", a test
  std::string post; ///< decision: the post that carries it out
  /// decision: an action in the plan vocabulary ({"do": "dispatch", …});
  /// inject: {"kind": "report"|"hazard"|"note", "to": id, "body": …};
  /// clock: {"op": "pause"|"resume"|"step"|"pace", "to_s": T, "pace": N}.
  nlohmann::json body = nlohmann::json::object();

  nlohmann::json to_json() const;
  /// Throws std::invalid_argument naming the bad field.
  static RunInput from_json(const nlohmann::json& j);
};

/// Checks an input against the world before it is accepted (unknown post, malformed action, inject
/// to nobody…). Returns "" if acceptable, else the problem in one line. Reads only static data, so
/// any thread may call it.
std::string check_input(const RunInput& in, const World& world);

} // namespace hg
