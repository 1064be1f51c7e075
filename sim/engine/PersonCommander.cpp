#include "sim/engine/PersonCommander.hpp"

namespace hg {

void PersonCommander::received(const Message& m, double now_s) {
  std::lock_guard<std::mutex> lock(m_);
  view_.inbox.push_back({{"t_s", now_s},
                         {"from", m.from},
                         {"kind", message_kind_name(m.kind)},
                         {"observed_t", m.observed_t},
                         {"body", m.body}});
  while (view_.inbox.size() > kInboxMax)
    view_.inbox.pop_front();
}

std::vector<Decision> PersonCommander::decide(double now_s, const Beliefs& beliefs, const LogFn&) {
  // A person decides outside the engine; here the engine only refreshes what the person can see.
  std::lock_guard<std::mutex> lock(m_);
  view_.t_s = now_s;
  view_.beliefs = beliefs;
  return {};
}

PostView PersonCommander::view() const {
  std::lock_guard<std::mutex> lock(m_);
  return view_;
}

} // namespace hg
