#include "sim/engine/Comms.hpp"

#include "sim/engine/Simulation.hpp"

#include <simgrid/Exception.hpp>
#include <simgrid/s4u.hpp>

#include <set>

namespace sg4 = simgrid::s4u;

namespace hg {

/// An actor's inbox. A semaphore (not a mutex + condition variable) wakes the owner: when SimGrid
/// stops daemon actors at the end of a run, an actor blocked here unwinds without a lock to release.
struct Comms::Waiter {
  sg4::SemaphorePtr mail = sg4::Semaphore::create(0);
  std::deque<std::unique_ptr<Message>> inbox;
};

Comms::Comms(Simulation& sim) : sim_(sim) {}

Comms::Waiter& Comms::waiter(const std::string& id) {
  auto& w = waiters_[id];
  if (!w) w = std::make_shared<Waiter>();
  return *w;
}

void Comms::wait_for_mail(const std::string& id, double timeout_s) {
  Waiter& w = waiter(id);
  if (!w.inbox.empty()) return;
  if (timeout_s < 0)
    w.mail->acquire();
  else
    w.mail->acquire_timeout(timeout_s);
}

std::unique_ptr<Message> Comms::take(const std::string& id) {
  Waiter& w = waiter(id);
  if (w.inbox.empty()) return nullptr;
  std::unique_ptr<Message> m = std::move(w.inbox.front());
  w.inbox.pop_front();
  if (!w.mail->would_block()) // consume this message's wake-up token, so tokens never pile up
    w.mail->acquire();
  return m;
}

void Comms::deliver_local(const Message& m) {
  Waiter& w = waiter(m.to);
  w.inbox.push_back(std::make_unique<Message>(m));
  w.mail->release();
}

std::string Comms::network_of(const std::string& id) const {
  const World& w = sim_.world();
  if (const Unit* u = w.unit(id); u && !u->network.empty()) return u->network;
  if (const Post* p = w.post(id)) return p->network;
  if (const Post* lead = w.post(sim_.scenario().lead_post)) return lead->network;
  return w.networks.empty() ? "" : w.networks.front().id;
}

void Comms::build() {
  const World& w = sim_.world();
  auto* zone = sg4::create_full_zone("hegang_comms");
  for (const Network& n : w.networks) {
    sg4::Link* l = zone->create_link("net_" + n.id, n.bandwidth_bps / 8.0);
    l->set_latency(n.latency_s);
    links_[n.id] = l->seal();
  }
  if (links_.empty()) { // a world without comms: one ideal link so that messages still flow
    links_["ideal"] = zone->create_link("net_ideal", 1e9)->set_latency(0)->seal();
  }
  auto make_host = [&](const std::string& id) { hosts_[id] = zone->create_host("h_" + id, 1e9)->seal(); };
  make_host("field");
  for (const Post& p : w.posts)
    make_host(p.id);
  for (const Unit& u : w.units)
    make_host(u.id);

  auto link_for = [&](const std::string& id) {
    auto it = links_.find(network_of(id));
    return it == links_.end() ? links_.begin()->second : it->second;
  };
  auto route = [&](const std::string& a, const std::string& b) {
    std::vector<sg4::LinkInRoute> ls{sg4::LinkInRoute(link_for(a))};
    if (link_for(b) != link_for(a)) ls.emplace_back(link_for(b));
    zone->add_route(hosts_[a]->get_netpoint(), hosts_[b]->get_netpoint(), nullptr, nullptr, ls, true);
  };
  // Posts talk to each other, to every unit and to field observers; units talk only to posts.
  for (size_t i = 0; i < w.posts.size(); ++i) {
    for (size_t j = i + 1; j < w.posts.size(); ++j)
      route(w.posts[i].id, w.posts[j].id);
    route(w.posts[i].id, "field");
    for (const Unit& u : w.units)
      route(w.posts[i].id, u.id);
  }
  zone->seal();
}

sg4::Host* Comms::host(const std::string& id) const {
  auto it = hosts_.find(id);
  return it == hosts_.end() ? hosts_.at("field") : it->second;
}

void Comms::set_network_up(const std::string& network, bool up) {
  auto it = links_.find(network);
  if (it == links_.end()) return;
  if (up)
    it->second->turn_on();
  else
    it->second->turn_off();
  sim_.emit(up ? "link.up" : "link.down", {network}, nlohmann::json::object());
}

bool Comms::network_up(const std::string& network) const {
  auto it = links_.find(network);
  return it != links_.end() && it->second->is_on();
}

void Comms::send(Message m) {
  if (m.id.empty()) m.id = sim_.next_message_id();
  m.sent_t = sg4::Engine::get_clock();
  sg4::Host* src = host(m.from);
  sg4::Actor::create("courier_" + m.id, src, [this, m, src]() mutable {
    const std::string net = network_of(m.kind == MessageKind::kOrder ? m.to : m.from);
    const char* kind = message_kind_name(m.kind);
    sim_.emit(
        "message.sent", {m.from, m.to},
        {{"kind", kind}, {"network", net}, {"bytes", m.size_bytes()}, {"id", m.id}, {"attempt", m.attempt}});
    while (true) {
      const double t0 = sg4::Engine::get_clock();
      try {
        sg4::Comm::sendto(src, host(m.to), uint64_t(m.size_bytes()));
        Waiter& w = waiter(m.to);
        w.inbox.push_back(std::make_unique<Message>(m));
        w.mail->release();
        sim_.emit("message.delivered", {m.from, m.to},
                  {{"kind", kind},
                   {"network", net},
                   {"id", m.id},
                   {"delay_s", sg4::Engine::get_clock() - m.sent_t}});
        return;
      } catch (const simgrid::NetworkFailureException&) {
        const bool retry = m.kind == MessageKind::kOrder && m.attempt + 1 < sim_.params().order_max_attempts;
        sim_.emit("message.lost", {m.from, m.to},
                  {{"kind", kind},
                   {"network", net},
                   {"id", m.id},
                   {"reason", "link down"},
                   {"will_retry", retry},
                   {"attempt", m.attempt}});
        if (!retry) return;
        ++m.attempt;
        sg4::this_actor::sleep_for(std::max(0.0, sim_.params().order_retry_s - (sg4::Engine::get_clock() - t0)));
      }
    }
  })->daemonize();
}

} // namespace hg
