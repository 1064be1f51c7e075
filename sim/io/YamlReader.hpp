#pragma once
/// @file
/// @brief Typed, checked access to YAML input that records every problem (file, line, column, field
/// path, what was expected) in a Diagnostics list instead of stopping at the first one.
///
/// Loaders walk the document with a YamlCursor; a failed read returns a default value and adds an
/// error, so one pass reports all errors.
#include "sim/io/Diagnostics.hpp"

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hg {

/// @brief Allowed interval for a number, with the words used in the error message.
struct Range {
  double lo = -std::numeric_limits<double>::infinity();
  double hi = std::numeric_limits<double>::infinity();
  bool lo_open = false;
  static Range any() { return {}; }
  static Range positive() { return {0, std::numeric_limits<double>::infinity(), true}; }
  static Range non_negative() { return {0, std::numeric_limits<double>::infinity(), false}; }
  static Range closed(double a, double b) { return {a, b, false}; }
  bool contains(double v) const { return (lo_open ? v > lo : v >= lo) && v <= hi; }
  std::string describe() const;
};

/// @brief A position in a YAML document: the node, its field path and where errors go.
class YamlCursor {
public:
  // A missing key gives yaml-cpp an *invalid* node whose every type query throws; the cursor holds a
  // valid undefined node instead, so that a missing field is only ever "missing", never an exception.
  YamlCursor(YAML::Node node, std::string file, std::string path, Diagnostics* diag, YAML::Mark mark)
      : node_(node.IsDefined() ? std::move(node) : YAML::Node(YAML::NodeType::Undefined)), file_(std::move(file)),
        path_(std::move(path)), diag_(diag), mark_(mark) {}

  bool has(const std::string& key) const;
  YamlCursor operator[](const std::string& key) const;
  YamlCursor at(size_t i) const;
  size_t size() const;
  bool is_map() const { return node_.IsMap(); }
  bool is_seq() const { return node_.IsSequence(); }
  bool is_null() const { return !node_ || node_.IsNull(); }
  const YAML::Node& node() const { return node_; }
  const std::string& path() const { return path_; }
  const std::string& file() const { return file_; }
  int line() const { return mark_.line + 1; }
  int column() const { return mark_.column + 1; }

  /// Required scalars: on failure add an error and return a neutral value.
  std::string str(const std::string& key) const;
  double num(const std::string& key, Range r = Range::any()) const;
  /// Optional scalars: absent -> fallback; present but wrong -> error.
  std::string opt_str(const std::string& key, const std::string& fallback = "") const;
  double opt_num(const std::string& key, double fallback, Range r = Range::any()) const;
  bool opt_bool(const std::string& key, bool fallback) const;
  /// A list of strings (a missing key gives an empty list).
  std::vector<std::string> strs(const std::string& key) const;
  /// Required sequence: on failure an error and an empty cursor list.
  std::vector<YamlCursor> seq(const std::string& key, bool required = false) const;
  /// Required id matching [a-z0-9_]+.
  std::string id(const std::string& key = "id") const;
  /// A bilingual name {zh, en} or the fields zh/en on this mapping.
  std::pair<std::string, std::string> names() const;

  /// Every key must be one of `allowed` (typos are errors, with a suggestion).
  void only_keys(const std::vector<std::string>& allowed) const;
  /// The provenance rule: a mapping that holds a number needs a non-empty `src`.
  void require_src() const;

  void error(const std::string& msg) const;
  void warning(const std::string& msg) const;
  Diagnostics& diagnostics() const { return *diag_; }
  /// The same position reporting into another list (cursors kept past their loader's lifetime).
  YamlCursor reporting_to(Diagnostics& d) const { return YamlCursor(node_, file_, path_, &d, mark_); }

private:
  YAML::Node node_;
  std::string file_;
  std::string path_;
  Diagnostics* diag_;
  YAML::Mark mark_;
};

/// Limits of every YAML input (docs/formats.md, "Limits"): a hostile file costs at most these.
constexpr size_t kMaxYamlBytes = 32u << 20;     ///< bytes in one file
/// Values in one file, aliases counted as copies: yaml-cpp needs about 1 KB per value, so at most
/// about 1 GB and 10 s (measured: 2 million values took 1.9 GB and 25 s).
constexpr uint64_t kMaxYamlNodes = 1'000'000;
constexpr uint64_t kMaxYamlCollection = 250'000; ///< entries of one list or mapping
constexpr int kMaxYamlDepth = 64;               ///< nesting of lists and mappings

/// Offset of the first byte that is not part of valid UTF-8, or npos.
size_t first_invalid_utf8(const std::string& s);

/// @brief One loaded YAML file.
class YamlFile {
public:
  /// Parses `path`; a missing file or a syntax error becomes a diagnostic and returns nullopt.
  static std::optional<YamlFile> load(const std::string& path, Diagnostics& diag);
  /// Parses text (for tests and fuzzing); `name` is used in messages.
  static std::optional<YamlFile> parse(const std::string& text, const std::string& name, Diagnostics& diag);
  YamlCursor root() const;
  const std::string& path() const { return path_; }
  /// Checks `hgdrill: KIND/1`; returns false (with an error) if it is missing or another kind.
  bool expect_kind(const std::string& kind) const;

private:
  YAML::Node doc_;
  std::string path_;
  Diagnostics* diag_ = nullptr;
};

/// Levenshtein distance, for "did you mean" suggestions.
size_t edit_distance(const std::string& a, const std::string& b);

/// Converts YAML to JSON (scalars that read as numbers or booleans become numbers or booleans).
nlohmann::json yaml_to_json(const YAML::Node& n);

/// Resolve `rel` against the folder of `base_file`.
std::string resolve_path(const std::string& base_file, const std::string& rel);

} // namespace hg
