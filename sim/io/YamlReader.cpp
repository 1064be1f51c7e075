#include "sim/io/YamlReader.hpp"

#include "sim/io/YamlParseCache.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace hg {

namespace {
std::string fmt_num(double v) {
  std::ostringstream o;
  o << v;
  return o.str();
}

std::string scalar_text(const YAML::Node& n) {
  if (n.IsScalar()) return "\"" + n.Scalar() + "\"";
  if (n.IsMap()) return "a mapping";
  if (n.IsSequence()) return "a list";
  return "nothing";
}

} // namespace

size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j)
    prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string Range::describe() const {
  const bool lo_inf = std::isinf(lo), hi_inf = std::isinf(hi);
  if (lo_inf && hi_inf) return "a number";
  if (hi_inf) return "a number " + std::string(lo_open ? "> " : ">= ") + fmt_num(lo);
  return "a number in [" + fmt_num(lo) + ", " + fmt_num(hi) + "]";
}

bool YamlCursor::has(const std::string& key) const {
  return node_.IsMap() && node_[key];
}

YamlCursor YamlCursor::operator[](const std::string& key) const {
  YAML::Node child = node_.IsMap() ? node_[key] : YAML::Node();
  YAML::Mark m = child ? child.Mark() : mark_;
  return YamlCursor(child, file_, path_.empty() ? key : path_ + "." + key, diag_, m);
}

YamlCursor YamlCursor::at(size_t i) const {
  YAML::Node child = node_.IsSequence() ? node_[i] : YAML::Node();
  return YamlCursor(child, file_, path_ + "[" + std::to_string(i) + "]", diag_, child ? child.Mark() : mark_);
}

size_t YamlCursor::size() const {
  return node_.IsSequence() || node_.IsMap() ? node_.size() : 0;
}

void YamlCursor::error(const std::string& msg) const {
  diag_->error(file_, line(), column(), path_, msg);
}
void YamlCursor::warning(const std::string& msg) const {
  diag_->warning(file_, line(), column(), path_, msg);
}

std::string YamlCursor::str(const std::string& key) const {
  YamlCursor c = (*this)[key];
  if (!c.node_ || c.node_.IsNull()) {
    c.error("missing required field (expected a text)");
    return {};
  }
  if (!c.node_.IsScalar()) {
    c.error("expected a text (got " + scalar_text(c.node_) + ")");
    return {};
  }
  return c.node_.Scalar();
}

double YamlCursor::num(const std::string& key, Range r) const {
  YamlCursor c = (*this)[key];
  if (!c.node_ || c.node_.IsNull()) {
    c.error("missing required field (expected " + r.describe() + ")");
    return std::isinf(r.lo) ? 0.0 : r.lo;
  }
  double v = 0;
  if (!c.node_.IsScalar() || !YAML::convert<double>::decode(c.node_, v) || !std::isfinite(v)) {
    c.error("expected " + r.describe() + " (got " + scalar_text(c.node_) + ")");
    return std::isinf(r.lo) ? 0.0 : r.lo;
  }
  if (!r.contains(v)) c.error("expected " + r.describe() + " (got " + fmt_num(v) + ")");
  return v;
}

std::string YamlCursor::opt_str(const std::string& key, const std::string& fallback) const {
  return has(key) && !(*this)[key].is_null() ? str(key) : fallback;
}

double YamlCursor::opt_num(const std::string& key, double fallback, Range r) const {
  return has(key) ? num(key, r) : fallback;
}

bool YamlCursor::opt_bool(const std::string& key, bool fallback) const {
  if (!has(key)) return fallback;
  YamlCursor c = (*this)[key];
  bool v = fallback;
  if (!c.node_.IsScalar() || !YAML::convert<bool>::decode(c.node_, v))
    c.error("expected true or false (got " + scalar_text(c.node_) + ")");
  return v;
}

std::vector<std::string> YamlCursor::strs(const std::string& key) const {
  std::vector<std::string> out;
  if (!has(key)) return out;
  YamlCursor c = (*this)[key];
  if (!c.node_.IsSequence()) {
    c.error("expected a list of texts (got " + scalar_text(c.node_) + ")");
    return out;
  }
  for (size_t i = 0; i < c.node_.size(); ++i) {
    YamlCursor e = c.at(i);
    if (!e.node_.IsScalar())
      e.error("expected a text (got " + scalar_text(e.node_) + ")");
    else
      out.push_back(e.node_.Scalar());
  }
  return out;
}

std::vector<YamlCursor> YamlCursor::seq(const std::string& key, bool required) const {
  std::vector<YamlCursor> out;
  if (!has(key) || (*this)[key].is_null()) {
    if (required) (*this)[key].error("missing required list");
    return out;
  }
  YamlCursor c = (*this)[key];
  if (!c.node_.IsSequence()) {
    c.error("expected a list (got " + scalar_text(c.node_) + ")");
    return out;
  }
  for (size_t i = 0; i < c.node_.size(); ++i) {
    YamlCursor e = c.at(i);
    if (!e.node_.IsMap())
      e.error("expected a mapping (got " + scalar_text(e.node_) + ")");
    else
      out.push_back(e);
  }
  return out;
}

std::string YamlCursor::id(const std::string& key) const {
  std::string v = str(key);
  static const std::regex kId("[a-z0-9_]+");
  if (!v.empty() && !std::regex_match(v, kId))
    (*this)[key].error("expected an id of lower-case letters, digits and '_' (got \"" + v + "\")");
  return v;
}

std::pair<std::string, std::string> YamlCursor::names() const {
  if (has("name") && (*this)["name"].is_map()) {
    YamlCursor n = (*this)["name"];
    return {n.str("zh"), n.str("en")};
  }
  return {str("zh"), str("en")};
}

void YamlCursor::only_keys(const std::vector<std::string>& allowed) const {
  if (!node_.IsMap()) return;
  for (auto it = node_.begin(); it != node_.end(); ++it) {
    const std::string k = it->first.as<std::string>("");
    if (std::find(allowed.begin(), allowed.end(), k) != allowed.end()) continue;
    std::string best;
    size_t best_d = 3;
    for (const auto& a : allowed) {
      size_t d = edit_distance(k, a);
      if (d < best_d) {
        best_d = d;
        best = a;
      }
    }
    YamlCursor c(it->second, file_, path_.empty() ? k : path_ + "." + k, diag_, it->first.Mark());
    c.error("unknown field '" + k + "'" + (best.empty() ? "" : " (did you mean '" + best + "'?)"));
  }
}

void YamlCursor::require_src() const {
  if (!node_.IsMap()) return;
  static const std::vector<std::string> kExempt = {"adcode", "seed", "level", "priority", "count", "hgdrill"};
  bool has_number = false;
  for (auto it = node_.begin(); it != node_.end() && !has_number; ++it) {
    const std::string k = it->first.as<std::string>("");
    if (std::find(kExempt.begin(), kExempt.end(), k) != kExempt.end()) continue;
    double v;
    has_number = it->second.IsScalar() && YAML::convert<double>::decode(it->second, v);
  }
  if (!has_number) return;
  if (!has("src") || (*this)["src"].is_null() || (*this)["src"].node().Scalar().empty())
    error("numbers need provenance: add src: with a source, or a text starting with 'estimated'");
}

std::optional<YamlFile> YamlFile::parse(const std::string& text, const std::string& name, Diagnostics& diag) {
  YamlFile f;
  f.path_ = name;
  f.diag_ = &diag;
  try {
    f.doc_ = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    diag.error(name, e.mark.line + 1, e.mark.column + 1, "", "YAML syntax error: " + e.msg);
    return std::nullopt;
  }
  if (!f.doc_.IsMap()) {
    diag.error(name, 1, 1, "", "expected a YAML mapping at the top of the file");
    return std::nullopt;
  }
  return f;
}

std::optional<YamlFile> YamlFile::load(const std::string& path, Diagnostics& diag) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (auto doc = cached_yaml(path)) { // ensembles: parsed once in the parent (YamlParseCache.hpp)
    YamlFile f;
    f.path_ = path;
    f.diag_ = &diag;
    f.doc_ = *doc;
    return f;
  }
  // Only regular files of sane size: a path to a device or a huge file must not hang a run.
  constexpr std::uintmax_t kMaxBytes = 64u << 20;
  if (!fs::is_regular_file(path, ec)) {
    diag.error(path, 0, 0, "",
               fs::exists(path, ec) ? "not a regular file" : "cannot open file (no such file)");
    return std::nullopt;
  }
  if (fs::file_size(path, ec) > kMaxBytes) {
    diag.error(path, 0, 0, "", "file is larger than 64 MiB");
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diag.error(path, 0, 0, "", "cannot open file");
    return std::nullopt;
  }
  // Read at most the limit even when the size was not known in advance (special files report 0).
  std::string text;
  char chunk[1 << 16];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    text.append(chunk, size_t(in.gcount()));
    if (text.size() > kMaxBytes)
      break;
  }
  if (text.size() > kMaxBytes) {
    diag.error(path, 0, 0, "", "file is larger than 64 MiB");
    return std::nullopt;
  }
  auto f = parse(text, path, diag);
  if (f) store_yaml(path, f->doc_);
  return f;
}

YamlCursor YamlFile::root() const {
  return YamlCursor(doc_, path_, "", diag_, doc_.Mark());
}

bool YamlFile::expect_kind(const std::string& kind) const {
  YamlCursor r = root();
  if (!r.has("hgdrill")) {
    diag_->error(path_, 1, 1, "hgdrill", "missing header 'hgdrill: " + kind + "/1'");
    return false;
  }
  std::string v = r.str("hgdrill");
  if (v != kind + "/1") {
    r["hgdrill"].error("expected '" + kind + "/1' (got \"" + v + "\")");
    return false;
  }
  return true;
}

nlohmann::json yaml_to_json(const YAML::Node& n) {
  if (!n || n.IsNull()) return nullptr;
  if (n.IsSequence()) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& x : n)
      a.push_back(yaml_to_json(x));
    return a;
  }
  if (n.IsMap()) {
    nlohmann::json o = nlohmann::json::object();
    for (auto it = n.begin(); it != n.end(); ++it)
      o[it->first.as<std::string>("")] = yaml_to_json(it->second);
    return o;
  }
  const std::string& s = n.Scalar();
  if (n.Tag() != "!") { // unquoted scalar: allow numbers and booleans
    long long i;
    double d;
    bool b;
    if (YAML::convert<long long>::decode(n, i)) return i;
    if (YAML::convert<double>::decode(n, d)) return d;
    if (YAML::convert<bool>::decode(n, b)) return b;
  }
  return s;
}

std::string resolve_path(const std::string& base_file, const std::string& rel) {
  namespace fs = std::filesystem;
  fs::path p(rel);
  if (p.is_absolute()) return p.lexically_normal().string();
  return (fs::path(base_file).parent_path() / p).lexically_normal().string();
}

} // namespace hg
