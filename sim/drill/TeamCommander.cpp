#include "sim/drill/TeamCommander.hpp"

#include <algorithm>

namespace hg {

void TeamCommander::received(const Message& m, double now_s) {
  PersonCommander::received(m, now_s);
  const std::string kind = message_kind_name(m.kind);
  // Injects reach the team whatever its channels: the exercise control sends them to it by name.
  const bool inject = m.body.is_object() && m.body.value("about", "") == "inject";
  if (!inject && std::find(channels_.begin(), channels_.end(), kind) == channels_.end()) return;
  // A reading names the model that made it (e.g. heli_flash_2018); a post would not see that, and in a
  // double-blind drill it would give the template away.
  nlohmann::json body = m.body;
  if (body.is_object()) body.erase("hazard");
  std::lock_guard<std::mutex> lock(dm_);
  delivered_.push_back({{"t_s", now_s},
                        {"id", m.id},
                        {"from", m.from},
                        {"kind", inject ? "inject" : kind},
                        {"observed_t", m.observed_t},
                        {"body", body}});
}

std::vector<nlohmann::json> TeamCommander::delivered_since(size_t from) const {
  std::lock_guard<std::mutex> lock(dm_);
  if (from >= delivered_.size()) return {};
  return {delivered_.begin() + long(from), delivered_.end()};
}

} // namespace hg
