/// @file
/// @brief The event catalogue: the engine's types, then every hazard module's (sim/io/EventTypes.hpp).
#include "sim/engine/CoreEvents.hpp"
#include "sim/hazards/HazardRegistry.hpp"

#include <map>
#include <mutex>
#include <sstream>

namespace hg {

namespace {
struct Catalog {
  std::vector<EventType> all;
  std::map<std::string, size_t> index;
  size_t generation = 0;
};
Catalog& catalog() {
  static Catalog c;
  static std::mutex m;
  std::lock_guard<std::mutex> lock(m);
  // Rebuilt when a module was registered since (tests add theirs at run time).
  if (c.generation != hazard_registry_generation()) {
    c.all = core_event_types();
    for (auto& e : c.all)
      e.origin = "engine";
    for (const auto& mod : hazard_modules())
      for (auto e : mod.events) {
        e.origin = mod.kind;
        c.all.push_back(std::move(e));
      }
    c.index.clear();
    for (size_t i = 0; i < c.all.size(); ++i)
      c.index[c.all[i].type] = i;
    c.generation = hazard_registry_generation();
  }
  return c;
}
} // namespace

const std::vector<EventType>& event_catalog() {
  return catalog().all;
}

const EventType* find_event_type(const std::string& type) {
  Catalog& c = catalog();
  auto it = c.index.find(type);
  return it == c.index.end() ? nullptr : &c.all[it->second];
}

std::string event_catalog_markdown() {
  std::ostringstream o;
  std::string origin;
  for (const auto& e : event_catalog()) {
    if (e.origin != origin) {
      origin = e.origin;
      o << (o.tellp() > 0 ? "\n" : "") << "### " << (origin == "engine" ? "Engine events" : "Hazard `" + origin + "`")
        << "\n\n| type | actors | meaning | payload fields |\n|---|---|---|---|\n";
    }
    std::string fields;
    for (const auto& f : e.fields)
      fields += (fields.empty() ? "" : ", ") + ("`" + f.name + "`") + (f.unit.empty() ? "" : " (" + f.unit + ")");
    o << "| `" << e.type << "` | " << e.actors << " | " << e.meaning << " | " << (fields.empty() ? "–" : fields)
      << " |\n";
  }
  return o.str();
}

} // namespace hg
