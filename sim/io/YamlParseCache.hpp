#pragma once
/// @file
/// @brief An opt-in, process-wide cache of parsed YAML files. An ensemble parses the scenario, map,
/// forces and plans once in the parent; the replicas it forks inherit the parsed documents and skip
/// the parser (most of the time of loading). Each load gets its own deep copy, because a run writes
/// its draws into the scenario document. Copies carry no line marks, so an error found only in a
/// replica names the file and field but not the line (the parent's check, which parses, has them).
#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>

namespace hg {

/// Turns the cache on or off for this process (off by default; off clears it).
void keep_parsed_yaml(bool on);
/// A copy of the parsed document of `path`, if cached.
std::optional<YAML::Node> cached_yaml(const std::string& path);
/// Keeps a copy of `doc` for `path` when the cache is on.
void store_yaml(const std::string& path, const YAML::Node& doc);

} // namespace hg
