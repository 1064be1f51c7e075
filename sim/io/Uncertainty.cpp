#include "sim/io/Uncertainty.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>

namespace hg {

namespace {

const std::vector<std::string> kDistributions = {"uniform", "triangular", "normal", "lognormal", "choice"};
const std::vector<std::string> kOps = {"set", "scale", "shift", "append"};

uint64_t splitmix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

uint64_t fnv1a(const std::string& s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

/// A uniform number in (0, 1) from the entry's own stream: mt19937_64's output is fixed by the
/// standard, and the conversion to double is done here.
double uniform01(const std::string& name, uint64_t seed) {
  std::mt19937_64 g(splitmix64(seed ^ fnv1a(name)));
  const uint64_t x = g();
  return (double(x >> 11) + 0.5) * (1.0 / 9007199254740992.0);
}

double num(const nlohmann::json& p, const char* k) {
  return p.at(k).get<double>();
}

/// One step of a path: a key, optionally followed by [index] or [id].
struct Step {
  std::string key;
  bool has_sel = false;
  std::string sel;
};

std::vector<Step> parse_path(const std::string& path, std::string& err) {
  std::vector<Step> out;
  size_t i = 0;
  while (i < path.size()) {
    Step s;
    while (i < path.size() && path[i] != '.' && path[i] != '[')
      s.key += path[i++];
    if (s.key.empty()) {
      err = "empty field name at character " + std::to_string(i + 1);
      return {};
    }
    if (i < path.size() && path[i] == '[') {
      const size_t close = path.find(']', i);
      if (close == std::string::npos) {
        err = "missing ']'";
        return {};
      }
      s.has_sel = true;
      s.sel = path.substr(i + 1, close - i - 1);
      i = close + 1;
    }
    out.push_back(s);
    if (i < path.size()) {
      if (path[i] != '.') {
        err = "expected '.' at character " + std::to_string(i + 1);
        return {};
      }
      ++i;
    }
  }
  if (out.empty()) err = "empty path";
  return out;
}

/// The node a path names, or an invalid node with `err` saying where it stopped.
YAML::Node resolve(const YAML::Node& root, const std::string& path, std::string& err) {
  auto steps = parse_path(path, err);
  if (!err.empty()) return YAML::Node(YAML::NodeType::Undefined);
  YAML::Node cur = root;
  std::string where;
  for (const Step& s : steps) {
    where += (where.empty() ? "" : ".") + s.key;
    if (!cur.IsMap() || !cur[s.key]) {
      err = where + " does not exist";
      return YAML::Node(YAML::NodeType::Undefined);
    }
    YAML::Node next = cur[s.key];
    if (s.has_sel) {
      where += "[" + s.sel + "]";
      if (!next.IsSequence()) {
        err = where + ": " + s.key + " is not a list";
        return YAML::Node(YAML::NodeType::Undefined);
      }
      YAML::Node found(YAML::NodeType::Undefined);
      const bool numeric = !s.sel.empty() && std::all_of(s.sel.begin(), s.sel.end(), ::isdigit);
      if (numeric) {
        const size_t k = std::stoul(s.sel);
        if (k < next.size()) found.reset(next[k]);
      } else {
        for (size_t k = 0; k < next.size(); ++k)
          if (next[k].IsMap() && next[k]["id"] && next[k]["id"].IsScalar() && next[k]["id"].Scalar() == s.sel) {
            found.reset(next[k]);
            break;
          }
      }
      if (!found.IsDefined()) {
        err = where + ": " + s.key + " has no element " + (numeric ? "number " : "with id ") + s.sel;
        return YAML::Node(YAML::NodeType::Undefined);
      }
      next.reset(found);
    }
    cur.reset(next);
  }
  return cur;
}

bool is_number(const YAML::Node& n) {
  double v;
  return n.IsScalar() && YAML::convert<double>::decode(n, v);
}

void set_number(YAML::Node n, double v) {
  n = v; // keeps the node (and its line) in the document
}

/// Applies op(value) to a number, a list of numbers, or the last number of each row of a table.
void combine(YAML::Node n, const std::string& op, double v) {
  auto f = [&](double x) { return op == "scale" ? x * v : x + v; };
  if (is_number(n)) {
    set_number(n, f(n.as<double>()));
  } else if (n.IsSequence()) {
    for (size_t i = 0; i < n.size(); ++i) {
      YAML::Node e = n[i];
      if (is_number(e))
        set_number(e, f(e.as<double>()));
      else if (e.IsSequence() && e.size() > 0 && is_number(e[e.size() - 1]))
        set_number(e[e.size() - 1], f(e[e.size() - 1].as<double>()));
      else
        throw std::invalid_argument("element " + std::to_string(i) + " is not a number or a row of numbers");
    }
  } else {
    throw std::invalid_argument("the field is not a number, a list of numbers or a table");
  }
}

std::string check_params(const Uncertain& u) {
  const auto& p = u.params;
  auto has_num = [&](const char* k) { return p.contains(k) && p[k].is_number() && std::isfinite(p[k].get<double>()); };
  if (u.distribution == "uniform") {
    if (!has_num("min") || !has_num("max")) return "uniform needs params {min, max}";
    if (!(num(p, "min") <= num(p, "max"))) return "uniform needs min <= max";
  } else if (u.distribution == "triangular") {
    if (!has_num("min") || !has_num("mode") || !has_num("max")) return "triangular needs params {min, mode, max}";
    if (!(num(p, "min") <= num(p, "mode") && num(p, "mode") <= num(p, "max")))
      return "triangular needs min <= mode <= max";
  } else if (u.distribution == "normal") {
    if (!has_num("mean") || !has_num("sd")) return "normal needs params {mean, sd} (optional min, max)";
    if (!(num(p, "sd") >= 0)) return "normal needs sd >= 0";
  } else if (u.distribution == "lognormal") {
    if (!has_num("median") || !has_num("sigma")) return "lognormal needs params {median, sigma} (optional min, max)";
    if (!(num(p, "median") > 0) || !(num(p, "sigma") >= 0)) return "lognormal needs median > 0 and sigma >= 0";
  } else if (u.distribution == "choice") {
    if (!p.contains("values") || !p["values"].is_array() || p["values"].empty())
      return "choice needs params {values: [...]} (optional weights)";
    if (p.contains("weights")) {
      if (!p["weights"].is_array() || p["weights"].size() != p["values"].size())
        return "choice weights must be a list as long as values";
      double sum = 0;
      for (const auto& w : p["weights"]) {
        if (!w.is_number() || !(w.get<double>() >= 0)) return "choice weights must be numbers >= 0";
        sum += w.get<double>();
      }
      if (!(sum > 0)) return "choice weights must not all be 0";
    }
  }
  if ((u.distribution == "normal" || u.distribution == "lognormal") && has_num("min") && has_num("max") &&
      !(num(p, "min") <= num(p, "max")))
    return u.distribution + " needs min <= max";
  return "";
}

} // namespace

double normal_quantile(double p) {
  // Acklam (2003), "An algorithm for computing the inverse normal cumulative distribution function".
  static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                             1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
  static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                             6.680131188771972e+01,  -1.328068155288572e+01};
  static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                             -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
  static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                             3.754408661907416e+00};
  const double plow = 0.02425;
  if (p <= 0) return -INFINITY;
  if (p >= 1) return INFINITY;
  if (p < plow) {
    const double q = std::sqrt(-2 * std::log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
           ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - plow) {
    const double q = std::sqrt(-2 * std::log(1 - p));
    return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
           ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  const double q = p - 0.5, r = q * q;
  return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
         (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

nlohmann::json quantile_value(const Uncertain& u, double p) {
  const auto& pr = u.params;
  auto clip = [&](double v) {
    if (pr.contains("min")) v = std::max(v, num(pr, "min"));
    if (pr.contains("max")) v = std::min(v, num(pr, "max"));
    return v;
  };
  if (u.distribution == "uniform") return num(pr, "min") + p * (num(pr, "max") - num(pr, "min"));
  if (u.distribution == "triangular") {
    const double a = num(pr, "min"), c = num(pr, "mode"), b = num(pr, "max");
    if (b == a) return a;
    const double fc = (c - a) / (b - a);
    return p < fc ? a + std::sqrt(p * (b - a) * (c - a)) : b - std::sqrt((1 - p) * (b - a) * (b - c));
  }
  if (u.distribution == "normal") return clip(num(pr, "mean") + num(pr, "sd") * normal_quantile(p));
  if (u.distribution == "lognormal")
    return clip(num(pr, "median") * std::exp(num(pr, "sigma") * normal_quantile(p)));
  if (u.distribution == "choice") {
    const auto& vals = pr["values"];
    std::vector<double> w(vals.size(), 1.0);
    if (pr.contains("weights"))
      for (size_t i = 0; i < w.size(); ++i)
        w[i] = pr["weights"][i].get<double>();
    double total = 0;
    for (double x : w)
      total += x;
    double acc = 0;
    for (size_t i = 0; i < w.size(); ++i) {
      acc += w[i] / total;
      if (p < acc) return vals[i];
    }
    return vals.back();
  }
  throw std::invalid_argument("unknown distribution " + u.distribution);
}

nlohmann::json draw_value(const Uncertain& u, uint64_t seed) {
  return quantile_value(u, uniform01(u.name, seed));
}

std::vector<Uncertain> read_uncertain(const YamlCursor& root) {
  std::vector<Uncertain> out;
  std::vector<std::string> names;
  for (auto& c : root.seq("uncertain")) {
    c.only_keys({"name", "distribution", "params", "applies_to", "op", "src", "note"});
    Uncertain u;
    u.line = c.line();
    u.name = c.id("name");
    if (std::find(names.begin(), names.end(), u.name) != names.end())
      c["name"].error("duplicate uncertain name \"" + u.name + "\"");
    names.push_back(u.name);
    u.distribution = c.str("distribution");
    if (!u.distribution.empty() &&
        std::find(kDistributions.begin(), kDistributions.end(), u.distribution) == kDistributions.end()) {
      c["distribution"].error("expected uniform|triangular|normal|lognormal|choice (got \"" + u.distribution +
                              "\")");
      continue;
    }
    if (!c.has("src") || c["src"].is_null()) c.error("numbers need provenance: add src:");
    u.params = c.has("params") ? yaml_to_json(c["params"].node()) : nlohmann::json::object();
    if (!u.params.is_object()) {
      c["params"].error("expected a mapping of the distribution's parameters");
      continue;
    }
    if (std::string e = check_params(u); !e.empty()) {
      c["params"].error(e);
      continue;
    }
    u.op = c.opt_str("op", "set");
    if (std::find(kOps.begin(), kOps.end(), u.op) == kOps.end()) c["op"].error("expected set|scale|shift|append");
    if (!c.has("applies_to")) {
      c["applies_to"].error("missing required field: the field this draw is written to, e.g. "
                            "hazards[<id>].levees[<id>].breach.at_h or parameters.turnout_scale");
      continue;
    }
    u.applies_to = c.str("applies_to");
    std::string err;
    YAML::Node target = resolve(root.node(), u.applies_to, err);
    if (!err.empty()) {
      c["applies_to"].error("names nothing in this scenario: " + err);
      continue;
    }
    const bool numeric = u.distribution != "choice" ||
                         std::all_of(u.params["values"].begin(), u.params["values"].end(),
                                     [](const nlohmann::json& v) { return v.is_number(); });
    if ((u.op == "scale" || u.op == "shift") && !numeric)
      c["op"].error(u.op + " needs numeric values");
    else if (u.op == "append" && !target.IsSequence())
      c["op"].error("append needs a list at " + u.applies_to);
    else if (u.op == "set" && !target.IsScalar())
      c["op"].error("set needs a single value at " + u.applies_to + " (use scale or shift for a list or table)");
    else if ((u.op == "scale" || u.op == "shift")) {
      try {
        YAML::Node probe = YAML::Clone(target);
        combine(probe, u.op, 1.0);
      } catch (const std::invalid_argument& e) {
        c["applies_to"].error(u.op + " cannot apply: " + e.what());
      }
    }
    out.push_back(u);
  }
  return out;
}

nlohmann::json apply_draws(const YAML::Node& root, const std::vector<Uncertain>& entries, uint64_t seed) {
  nlohmann::json draws = nlohmann::json::object();
  for (const Uncertain& u : entries) {
    const nlohmann::json v = draw_value(u, seed);
    draws[u.name] = v;
    std::string err;
    YAML::Node target = resolve(root, u.applies_to, err);
    if (!err.empty()) throw std::invalid_argument(u.name + ": applies_to names nothing: " + err);
    if (u.op == "set") {
      if (v.is_number())
        set_number(target, v.get<double>());
      else
        target = v.is_string() ? v.get<std::string>() : v.dump();
    } else if (u.op == "append") {
      target.push_back(v.is_string() ? YAML::Node(v.get<std::string>()) : YAML::Load(v.dump()));
    } else {
      combine(target, u.op, v.get<double>());
    }
  }
  return draws;
}

} // namespace hg
