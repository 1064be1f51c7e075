#pragma once
/// @file
/// @brief The communications platform: one SimGrid link per network (radio, government private
/// network, public mobile…), one host per post and unit, and couriers that carry messages so that a
/// message takes latency + size/bandwidth, shares the channel with other traffic, and is lost when
/// its link is down. Lost orders are retried; lost reports are gone (both are logged).
#include "sim/engine/Message.hpp"

#include <deque>
#include <map>
#include <unordered_map>
#include <memory>
#include <string>

namespace simgrid::s4u {
class Host;
class Link;
} // namespace simgrid::s4u

namespace hg {

class Simulation;

class Comms {
public:
  explicit Comms(Simulation& sim);
  /// Creates hosts, links and routes. Must run before the engine starts.
  void build();
  simgrid::s4u::Host* host(const std::string& actor_id) const;
  /// Starts a courier actor that delivers `m` (fire and forget for the sender).
  void send(Message m);
  /// Blocks the calling actor until a message has been delivered to `actor_id`, or until `timeout_s`
  /// (< 0: no timeout). The transfer itself is a host-to-host SimGrid communication made by the
  /// courier (Comm::sendto), so a receiver never holds a transfer open: a waiting receiver cannot
  /// cancel it, and a failed one leaves nothing behind in a queue.
  void wait_for_mail(const std::string& actor_id, double timeout_s);
  /// Puts `m` straight into its receiver's inbox and wakes it (a person's decision at a post, which
  /// does not cross the network). Must run inside an actor.
  void deliver_local(const Message& m);
  /// Takes the next delivered message, or nullptr if none is waiting.
  std::unique_ptr<Message> take(const std::string& actor_id);
  void set_network_up(const std::string& network, bool up);
  bool network_up(const std::string& network) const;

private:
  std::string network_of(const std::string& actor_id) const;
  Simulation& sim_;
  std::map<std::string, simgrid::s4u::Host*> hosts_;
  std::map<std::string, simgrid::s4u::Link*> links_;
  struct Waiter;
  std::unordered_map<std::string, std::shared_ptr<Waiter>> waiters_; // never iterated: order is free
  Waiter& waiter(const std::string& actor_id);
};

} // namespace hg
