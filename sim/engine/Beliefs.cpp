#include "sim/engine/Beliefs.hpp"

#include "sim/engine/Message.hpp"

namespace hg {

const char* unit_state_name(UnitState s) {
  switch (s) {
  case UnitState::kIdle:
    return "idle";
  case UnitState::kAssigned:
    return "assigned";
  case UnitState::kEnRoute:
    return "en_route";
  case UnitState::kOnScene:
    return "on_scene";
  case UnitState::kReturning:
    return "returning";
  case UnitState::kUnreachable:
    return "unreachable";
  case UnitState::kOutOfService:
    return "out_of_service";
  }
  return "?";
}

const char* message_kind_name(MessageKind k) {
  switch (k) {
  case MessageKind::kReport:
    return "report";
  case MessageKind::kOrder:
    return "order";
  case MessageKind::kObservation:
    return "observation";
  case MessageKind::kRequest:
    return "request";
  case MessageKind::kDecision:
    return "decision";
  }
  return "?";
}

std::optional<double> Beliefs::value(const std::string& quantity, const std::string& subject) const {
  auto it = observed.find(quantity + "/" + subject);
  if (it == observed.end()) return std::nullopt;
  return it->second.value;
}

std::optional<double> Beliefs::max_value(const std::string& quantity) const {
  std::optional<double> best;
  const std::string prefix = quantity + "/";
  for (auto it = observed.lower_bound(prefix);
       it != observed.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it)
    if (!best || it->second.value > *best) best = it->second.value;
  return best;
}

double Beliefs::sum_value(const std::string& quantity) const {
  double s = 0;
  const std::string prefix = quantity + "/";
  for (auto it = observed.lower_bound(prefix);
       it != observed.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it)
    s += it->second.value;
  return s;
}

} // namespace hg
