/// @file
/// @brief Locating and reading the files behind a MAP_OR_SCENARIO argument.
#include "sim/osm/MapSource.hpp"

#include "sim/io/YamlReader.hpp"

namespace hg::osm {

MapSource::MapSource(const std::string& path) {
  Diagnostics diag;
  auto f = YamlFile::load(path, diag);
  if (f) {
    YamlCursor r = f->root();
    const std::string kind = r.has("hgdrill") ? r.opt_str("hgdrill") : "";
    if (kind == "map/1") {
      files_.map = resolve_path("", path);
    } else if (kind == "scenario/1") {
      scenario_ = true;
      files_.map = resolve_path(path, r.str("map"));
      if (r.has("resources"))
        files_.resources = resolve_path(path, r.str("resources"));
      if (r.has("comms"))
        files_.comms = resolve_path(path, r.str("comms"));
    } else {
      diag.error(path, 1, 1, "hgdrill", "expected a map (hgdrill: map/1) or a scenario (hgdrill: scenario/1)" +
                                            (kind.empty() ? std::string() : " (got \"" + kind + "\")"));
    }
  }
  if (diag.has_errors())
    throw InputError(diag);
}

World MapSource::load(Diagnostics& diag) const {
  World w = load_world(files_, diag);
  if (diag.has_errors())
    throw InputError(diag);
  return w;
}

const YAML::Node& MapSource::doc(const std::string& file) const {
  auto it = docs_.find(file);
  if (it == docs_.end())
    it = docs_.emplace(file, YAML::LoadFile(file)).first; // already parsed once by load(): cannot fail
  return it->second;
}

std::vector<std::pair<std::string, YAML::Node>> MapSource::map_records(const std::string& section) const {
  std::vector<std::pair<std::string, YAML::Node>> out;
  std::vector<std::string> files{files_.map};
  if (const YAML::Node inc = doc(files_.map)["include"]; inc && inc.IsSequence())
    for (const auto& i : inc)
      files.push_back(resolve_path(files_.map, i.as<std::string>()));
  for (const auto& f : files)
    if (const YAML::Node s = doc(f)[section]; s && s.IsSequence())
      for (const auto& rec : s)
        out.emplace_back(f, rec);
  return out;
}

std::vector<YAML::Node> MapSource::file_records(const std::string& file, const std::string& section) const {
  std::vector<YAML::Node> out;
  if (file.empty())
    return out;
  if (const YAML::Node s = doc(file)[section]; s && s.IsSequence())
    for (const auto& rec : s)
      out.push_back(rec);
  return out;
}

} // namespace hg::osm
