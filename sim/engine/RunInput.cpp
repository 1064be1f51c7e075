#include "sim/engine/RunInput.hpp"

#include "sim/engine/Action.hpp"
#include "sim/world/World.hpp"

#include <cmath>
#include <stdexcept>

namespace hg {

const char* input_kind_name(InputKind k) {
  switch (k) {
  case InputKind::kDecision: return "decision";
  case InputKind::kInject: return "inject";
  case InputKind::kClock: return "clock";
  }
  return "?";
}

nlohmann::json RunInput::to_json() const {
  return {{"seq", seq}, {"t_s", t_s}, {"kind", input_kind_name(kind)}, {"by", by}, {"post", post}, {"body", body}};
}

RunInput RunInput::from_json(const nlohmann::json& j) {
  if (!j.is_object()) throw std::invalid_argument("an input must be a JSON object");
  RunInput in;
  auto str = [&](const char* k) -> std::string {
    if (!j.contains(k)) return "";
    if (!j[k].is_string()) throw std::invalid_argument(std::string(k) + ": expected a text");
    return j[k].get<std::string>();
  };
  const std::string kind = str("kind");
  if (kind == "decision")
    in.kind = InputKind::kDecision;
  else if (kind == "inject")
    in.kind = InputKind::kInject;
  else if (kind == "clock")
    in.kind = InputKind::kClock;
  else
    throw std::invalid_argument("kind: expected decision, inject or clock (got \"" + kind + "\")");
  in.by = str("by");
  in.post = str("post");
  if (j.contains("seq")) {
    if (!j["seq"].is_number_integer()) throw std::invalid_argument("seq: expected an integer");
    in.seq = j["seq"].get<long>();
  }
  if (j.contains("t_s")) {
    if (!j["t_s"].is_number() || !std::isfinite(j["t_s"].get<double>()))
      throw std::invalid_argument("t_s: expected a finite number");
    in.t_s = j["t_s"].get<double>();
  }
  in.body = j.value("body", nlohmann::json::object());
  if (!in.body.is_object()) throw std::invalid_argument("body: expected an object");
  return in;
}

std::string check_input(const RunInput& in, const World& world) {
  switch (in.kind) {
  case InputKind::kDecision: {
    if (!world.post(in.post)) return "post: unknown command post \"" + in.post + "\"";
    std::string err;
    parse_action_json(in.body, world, err);
    return err;
  }
  case InputKind::kInject: {
    const std::string kind = in.body.value("kind", "");
    if (kind != "report" && kind != "hazard" && kind != "note")
      return "body.kind: expected report, hazard or note (got \"" + kind + "\")";
    if (kind == "report" && !world.post(in.body.value("to", "")))
      return "body.to: unknown command post \"" + in.body.value("to", "") + "\"";
    return "";
  }
  case InputKind::kClock: {
    const std::string op = in.body.value("op", "");
    if (op != "pause" && op != "resume" && op != "step" && op != "pace")
      return "body.op: expected pause, resume, step or pace (got \"" + op + "\")";
    if (op == "step" && !(in.body.contains("to_s") && in.body["to_s"].is_number() &&
                          std::isfinite(in.body["to_s"].get<double>()) && in.body["to_s"].get<double>() >= 0))
      return "body.to_s: a step needs a simulated time >= 0 in seconds";
    if (in.body.contains("pace") && !(in.body["pace"].is_number() && in.body["pace"].get<double>() >= 0 &&
                                      in.body["pace"].get<double>() <= 1e6))
      return "body.pace: expected a number in [0, 1e6] (0 = as fast as possible)";
    return "";
  }
  }
  return "unknown input";
}

} // namespace hg
