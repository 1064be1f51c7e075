#include "sim/io/YamlReader.hpp"

#include "sim/io/Schema.hpp"
#include "sim/io/YamlParseCache.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <cstdio>
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
  if (lo_inf) return "a number <= " + fmt_num(hi);
  return "a number in " + std::string(lo_open ? "(" : "[") + fmt_num(lo) + ", " + fmt_num(hi) + "]";
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
  // The loader's own condition (e.g. > 0) narrowed by the field's range in the schema (Schema.cpp).
  const FieldRange& fr = field_range(key);
  Range eff = r;
  if (fr.lo >= eff.lo) {
    eff.lo_open = fr.lo == eff.lo && eff.lo_open;
    eff.lo = fr.lo;
  }
  eff.hi = std::min(eff.hi, fr.hi);
  const std::string want = (fr.integer ? "a whole number" : "a number") + eff.describe().substr(8);
  auto safe = [&] { // a value inside the range, so that a loader that goes on allocates nothing absurd
    if (eff.lo_open) return eff.lo + std::min(1.0, (eff.hi - eff.lo) / 2);
    return std::max(eff.lo, std::min(eff.hi, 0.0));
  };
  double v = 0;
  if (!c.node_.IsScalar() || !YAML::convert<double>::decode(c.node_, v) || !std::isfinite(v)) {
    c.error("expected " + want + " (got " + scalar_text(c.node_) + ")");
    return safe();
  }
  if (!r.contains(v)) { // the loader's own condition, in its own words (its checks expect v)
    c.error("expected " + r.describe() + " (got " + fmt_num(v) + ")");
    // Beyond what an int holds (e.g. seed: 1e30), v is unsafe to convert: hand on a safe value.
    return std::fabs(v) <= 2147483647.0 ? v : safe();
  }
  if (!eff.contains(v) || (fr.integer && v != std::floor(v))) {
    c.error("expected " + want + " (got " + fmt_num(v) + ")");
    return safe();
  }
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

namespace {

/// Line and column (1-based) of byte `pos` in `text`.
std::pair<int, int> line_col(const std::string& text, size_t pos) {
  int line = 1, col = 1;
  for (size_t i = 0; i < pos && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++col; // columns count characters, not bytes
    }
  }
  return {line, col};
}

/// A limit of the document was passed at `mark`, in field `path`.
struct YamlLimitError {
  YAML::Mark mark;
  std::string path;
  std::string message;
};

/// Walks the parser's events (no tree is built) and stops at the first limit passed, so that a
/// hostile file costs at most the limits: alias expansion counted as if copied, nesting depth,
/// entries per list or mapping, and duplicate keys.
class LimitChecker : public YAML::EventHandler {
public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t a) override { leaf(m, a, "~"); }
  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t a, const std::string& v) override {
    leaf(m, a, v);
  }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t a) override {
    const uint64_t n = a < sizes_.size() ? sizes_[a] : 1;
    entry(m, "", false);
    add(m, n);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t a, YAML::EmitterStyle::value) override {
    open(m, a, false);
  }
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t a, YAML::EmitterStyle::value) override {
    open(m, a, true);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapEnd() override { close(); }

private:
  struct Frame {
    bool is_map;
    YAML::anchor_t anchor;
    uint64_t start;
    uint64_t entries = 0;
    std::set<std::string> keys;
    std::string key; ///< the last key of a mapping (for the field path of messages)
  };
  /// Field path of the entry being read, e.g. "nodes[3].lat".
  std::string path() const {
    std::string p;
    for (const auto& f : stack_) {
      if (f.is_map) {
        if (f.key.empty()) continue;
        p += (p.empty() ? "" : ".") + f.key;
      } else if (f.entries > 0) {
        p += "[" + std::to_string(f.entries - 1) + "]";
      }
    }
    return p;
  }
  void add(const YAML::Mark& m, uint64_t n) {
    nodes_ += n;
    if (nodes_ > kMaxYamlNodes)
      throw YamlLimitError{m, path(), "more than " + std::to_string(kMaxYamlNodes) +
                                  " values in one file (aliases count as copies); the file is too large or "
                                  "expands aliases too much"};
  }
  /// Counts an entry of the enclosing collection; a scalar key of a mapping is checked for duplicates.
  void entry(const YAML::Mark& m, const std::string& scalar, bool is_scalar) {
    if (stack_.empty()) return;
    Frame& f = stack_.back();
    const bool is_key = f.is_map && f.entries % 2 == 0;
    ++f.entries;
    if (is_key) f.key = is_scalar ? scalar : "?";
    if ((f.is_map ? f.entries / 2 : f.entries) > kMaxYamlCollection)
      throw YamlLimitError{m, path(), "more than " + std::to_string(kMaxYamlCollection) + " entries in one " +
                                  (f.is_map ? "mapping" : "list")};
    if (is_key && is_scalar && !f.keys.insert(scalar).second)
      throw YamlLimitError{m, path(), "duplicate key '" + scalar + "' (each key may appear once in a mapping)"};
  }
  void remember(YAML::anchor_t a, uint64_t size) {
    if (a == 0) return;
    if (sizes_.size() <= a) sizes_.resize(a + 1, 1);
    sizes_[a] = size;
  }
  void leaf(const YAML::Mark& m, YAML::anchor_t a, const std::string& v) {
    entry(m, v, true);
    add(m, 1);
    remember(a, 1);
  }
  void open(const YAML::Mark& m, YAML::anchor_t a, bool is_map) {
    entry(m, "", false);
    add(m, 1);
    if (int(stack_.size()) >= kMaxYamlDepth)
      throw YamlLimitError{m, path(), "nested deeper than " + std::to_string(kMaxYamlDepth) + " levels"};
    stack_.push_back({is_map, a, nodes_ - 1, 0, {}, {}});
  }
  void close() {
    if (stack_.empty()) return;
    remember(stack_.back().anchor, nodes_ - stack_.back().start);
    stack_.pop_back();
  }
  std::vector<Frame> stack_;
  std::vector<uint64_t> sizes_;
  uint64_t nodes_ = 0;
};

} // namespace

size_t first_invalid_utf8(const std::string& s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  for (size_t i = 0; i < n;) {
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) len = 2, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF) len = 3, cp = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4) len = 4, cp = c & 0x07;
    else return i;
    if (i + len > n) return i;
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return i;
    i += len;
  }
  return std::string::npos;
}

std::optional<YamlFile> YamlFile::parse(const std::string& text, const std::string& name, Diagnostics& diag) {
  YamlFile f;
  f.path_ = name;
  f.diag_ = &diag;
  if (text.size() > kMaxYamlBytes) {
    diag.error(name, 0, 0, "", "file is larger than " + std::to_string(kMaxYamlBytes >> 20) + " MiB");
    return std::nullopt;
  }
  if (const size_t bad = first_invalid_utf8(text); bad != std::string::npos) {
    auto [line, col] = line_col(text, bad);
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[bad]));
    diag.error(name, line, col, "",
               std::string("the text is not valid UTF-8 (byte ") + hex + "); save the file as UTF-8");
    return std::nullopt;
  }
  try {
    std::istringstream in(text);
    YAML::Parser events(in);
    LimitChecker limits;
    events.HandleNextDocument(limits);
  } catch (const YamlLimitError& e) {
    diag.error(name, e.mark.line + 1, e.mark.column + 1, e.path, e.message);
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    diag.error(name, e.mark.line + 1, e.mark.column + 1, "", "YAML syntax error: " + e.msg);
    return std::nullopt;
  }
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
  constexpr std::uintmax_t kMaxBytes = kMaxYamlBytes;
  if (!fs::is_regular_file(path, ec)) {
    diag.error(path, 0, 0, "",
               fs::exists(path, ec) ? "not a regular file" : "cannot open file (no such file)");
    return std::nullopt;
  }
  if (fs::file_size(path, ec) > kMaxBytes) {
    diag.error(path, 0, 0, "", "file is larger than " + std::to_string(kMaxYamlBytes >> 20) + " MiB");
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
    diag.error(path, 0, 0, "", "file is larger than " + std::to_string(kMaxYamlBytes >> 20) + " MiB");
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
