#include "sim/run/CommandLineValues.hpp"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <regex>

namespace hg {

namespace {

struct CfgRule {
  std::string key;
  std::vector<std::string> values; ///< allowed words, or empty for a number in [lo, hi]
  double lo = 0, hi = 0;
  bool integer = true;
};

/// Only options that change how the engine runs, never what it computes (the model, the network
/// model and the clock are fixed by hgdrill, docs/simulation-loop.md).
const std::vector<CfgRule>& cfg_rules() {
  static const std::vector<CfgRule> r = {
      {"contexts/factory", {"thread", "ucontext", "raw", "boost"}},
      {"contexts/stack-size", {}, 16, 1048576},
      {"contexts/guard-size", {}, 0, 1024},
      {"contexts/nthreads", {}, 1, 256},
      {"contexts/synchro", {"futex", "posix", "busy_wait"}},
      {"contexts/parallel-threshold", {}, 1, 1e9},
  };
  return r;
}

std::string fmt(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.15g", v);
  return b;
}

} // namespace

std::optional<uint64_t> parse_seed(const std::string& text, std::string& error) {
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) {
    error = "expected a whole number from 0 to 18446744073709551615 (got \"" + text + "\")";
    return std::nullopt;
  }
  uint64_t v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || p != text.data() + text.size()) {
    error = "is larger than 18446744073709551615, the largest seed (got \"" + text + "\")";
    return std::nullopt;
  }
  return v;
}

std::vector<std::string> allowed_cfg_options() {
  std::vector<std::string> out;
  for (const auto& r : cfg_rules()) {
    std::string v;
    if (!r.values.empty()) {
      for (const auto& w : r.values)
        v += (v.empty() ? "" : "|") + w;
    } else {
      v = "N (" + fmt(r.lo) + "–" + fmt(r.hi) + ")";
    }
    out.push_back(r.key + ":" + v);
  }
  out.push_back("--log=CATEGORY.thresh:trace|debug|verbose|info|warning|error|critical");
  return out;
}

std::string check_cfg_option(const std::string& cfg) {
  auto allowed = [] {
    std::string s;
    for (const auto& a : allowed_cfg_options())
      s += "\n  " + a;
    return s;
  };
  if (cfg.rfind("--", 0) == 0) {
    static const std::regex kLog(R"(--log=[A-Za-z0-9_.]{1,64}\.thresh:(trace|debug|verbose|info|warning|error|critical))");
    if (std::regex_match(cfg, kLog)) return "";
    return "\"" + cfg + "\" is not an allowed option; allowed:" + allowed();
  }
  const size_t colon = cfg.find(':');
  const std::string key = cfg.substr(0, colon), value = colon == std::string::npos ? "" : cfg.substr(colon + 1);
  for (const auto& r : cfg_rules()) {
    if (r.key != key) continue;
    if (colon == std::string::npos || value.empty()) return "\"" + cfg + "\" needs a value: " + key + ":VALUE";
    if (!r.values.empty()) {
      for (const auto& w : r.values)
        if (w == value) return "";
      std::string v;
      for (const auto& w : r.values)
        v += (v.empty() ? "" : ", ") + w;
      return "\"" + cfg + "\": " + key + " must be one of " + v;
    }
    char* end = nullptr;
    errno = 0;
    const double x = std::strtod(value.c_str(), &end);
    if (end != value.c_str() + value.size() || errno == ERANGE || !std::isfinite(x) || x < r.lo || x > r.hi ||
        (r.integer && x != std::floor(x)))
      return "\"" + cfg + "\": " + key + " must be a whole number in [" + fmt(r.lo) + ", " + fmt(r.hi) + "]";
    return "";
  }
  return "\"" + cfg + "\" is not an allowed option; allowed:" + allowed();
}

std::string check_finite_argument(const std::string& arg) {
  if (arg.empty()) return "";
  const std::string v = arg.rfind("--", 0) == 0 && arg.find('=') != std::string::npos ? arg.substr(arg.find('=') + 1)
                                                                                      : arg;
  char* end = nullptr;
  errno = 0;
  const double x = std::strtod(v.c_str(), &end);
  if (end == v.c_str() || *end != '\0') return ""; // not a number: not ours to judge
  if (!std::isfinite(x) || errno == ERANGE)
    return "\"" + arg + "\" is not a finite number (infinity, NaN and numbers beyond ±1.8e308 are not inputs)";
  return "";
}

} // namespace hg
