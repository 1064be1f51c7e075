#pragma once
/// @file
/// @brief What travels through the comms network between posts, units and field observers.
#include <nlohmann/json.hpp>

#include <string>

namespace hg {

/// kDecision: a person's decision handed to a post (never crosses the network: see Simulation::apply).
enum class MessageKind { kReport, kOrder, kObservation, kRequest, kDecision };

const char* message_kind_name(MessageKind k);

struct Message {
  std::string id;   ///< "m<seq>", unique in a run
  std::string from; ///< actor id (post, unit, "field")
  std::string to;
  MessageKind kind = MessageKind::kReport;
  /// Reports: {"about": "incident"|"unit_status"|"road_closed"|..., ...}; orders: an Action as JSON
  /// plus "clause"; observations: {"quantity","subject","value"}.
  nlohmann::json body;
  double sent_t = 0;
  double observed_t = 0; ///< when the fact was true on the ground
  int attempt = 0;       ///< retries of an order after a loss
  static Message make(std::string from, std::string to, MessageKind kind, nlohmann::json body,
                      double observed_t) {
    Message m;
    m.from = std::move(from);
    m.to = std::move(to);
    m.kind = kind;
    m.body = std::move(body);
    m.observed_t = observed_t;
    return m;
  }
  /// Bytes on the wire (radio messages are short; the network model turns it into a delay).
  double size_bytes() const { return 200.0 + body.dump().size(); }
};

} // namespace hg
