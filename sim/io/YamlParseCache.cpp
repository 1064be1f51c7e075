#include "sim/io/YamlParseCache.hpp"

#include <filesystem>
#include <map>

namespace hg {

namespace {
bool g_on = false;
std::map<std::string, YAML::Node>& cache() {
  static std::map<std::string, YAML::Node> c;
  return c;
}

/// One entry per file, however it is named: a replica's scoring reads the files by the absolute
/// paths of run.json where the command line gave relative ones.
std::string key(const std::string& path) {
  std::error_code ec;
  auto p = std::filesystem::absolute(path, ec);
  return ec ? path : p.lexically_normal().string();
}
} // namespace

void keep_parsed_yaml(bool on) {
  g_on = on;
  if (!on) cache().clear();
}

std::optional<YAML::Node> cached_yaml(const std::string& path) {
  if (!g_on) return std::nullopt;
  auto it = cache().find(key(path));
  if (it == cache().end()) return std::nullopt;
  return YAML::Clone(it->second);
}

void store_yaml(const std::string& path, const YAML::Node& doc) {
  if (g_on) cache()[key(path)] = YAML::Clone(doc);
}

} // namespace hg
