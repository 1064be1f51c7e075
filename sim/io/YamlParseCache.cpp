#include "sim/io/YamlParseCache.hpp"

#include <map>

namespace hg {

namespace {
bool g_on = false;
std::map<std::string, YAML::Node>& cache() {
  static std::map<std::string, YAML::Node> c;
  return c;
}
} // namespace

void keep_parsed_yaml(bool on) {
  g_on = on;
  if (!on) cache().clear();
}

std::optional<YAML::Node> cached_yaml(const std::string& path) {
  if (!g_on) return std::nullopt;
  auto it = cache().find(path);
  if (it == cache().end()) return std::nullopt;
  return YAML::Clone(it->second);
}

void store_yaml(const std::string& path, const YAML::Node& doc) {
  if (g_on) cache()[path] = YAML::Clone(doc);
}

} // namespace hg
