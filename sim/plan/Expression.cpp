#include "sim/plan/Expression.hpp"

#include "sim/engine/Beliefs.hpp"
#include "sim/hazards/HazardRegistry.hpp"
#include "sim/world/World.hpp"

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <sstream>

namespace hg {

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();

std::string num_str(double v) {
  char buf[32]; // what an ostream with precision 6 prints ("%.6g"), without building a stream
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

double level_number(const std::string& l) {
  if (l == "IV") return 1;
  if (l == "III") return 2;
  if (l == "II") return 3;
  if (l == "I") return 4;
  return 0;
}
} // namespace

const std::vector<QuantityInfo>& quantity_table() {
  // The engine's own quantities, then each hazard module's (rebuilt when a module is registered).
  static std::vector<QuantityInfo> t;
  static size_t generation = ~size_t(0);
  if (generation != hazard_registry_generation()) {
    t = {
        {"warning", "gauge", "", -kInf, kInf, "", QuantitySpec::Read::kValueOfArg},
        {"guarantee", "gauge", "", -kInf, kInf, "", QuantitySpec::Read::kValueOfArg},
        {"zone_reached", "zone", "", 0, 1, "", QuantitySpec::Read::kValueOfArg},
        {"zones_reached", "", "", 0, kInf, "", QuantitySpec::Read::kValueOfArg},
        {"casualties", "", "", 0, kInf, "casualties", QuantitySpec::Read::kSumOverSubjects},
        {"patients_waiting", "", "", 0, kInf, "patients_waiting", QuantitySpec::Read::kSumOverSubjects},
        {"incident_reported", "", "", 0, 1, "", QuantitySpec::Read::kValueOfArg},
        {"hours_since_report", "", "", -1, kInf, "", QuantitySpec::Read::kValueOfArg},
        {"response_level", "", "", 0, 4, "", QuantitySpec::Read::kValueOfArg},
        {"t_hours", "", "", 0, kInf, "", QuantitySpec::Read::kValueOfArg},
    };
    for (const auto& m : hazard_modules())
      for (const auto& q : m.quantities)
        t.push_back({q.name, q.arg, m.kind, q.lo, q.hi, q.observed, q.read});
    // Response state (as reported to the post): evacuation under way, its reported share, and the
    // people still waiting for basic relief.
    t.push_back({"evacuating", "zone", "", 0, 1, "", QuantitySpec::Read::kValueOfArg});
    t.push_back({"evacuated_share", "zone", "", 0, 1, "", QuantitySpec::Read::kValueOfArg});
    t.push_back({"unrelieved", "zone", "", 0, kInf, "", QuantitySpec::Read::kValueOfArg});
    generation = hazard_registry_generation();
  }
  return t;
}

namespace {

const QuantityInfo* find_quantity(const std::string& n) {
  for (const auto& q : quantity_table())
    if (q.name == n) return &q;
  return nullptr;
}

/// Every node of a parsed expression. A plan executor asks why a clause did not fire at every tick,
/// but the answer only changes when a quantity it reads changes: explain() keeps the last text and
/// the values it was made from (leaves) and formats again only when they differ.
struct Node : Expression {
  /// Appends the values explain() prints (per quantity: observed 0/1 and value), in its order.
  virtual void leaves(const EvalContext& c, std::vector<double>& out) const = 0;
  /// The explanation, formatted now.
  virtual std::string text(const EvalContext& c) const = 0;
  std::string explain(const EvalContext& c) const final {
    std::vector<double>& now = scratch_;
    now.clear();
    leaves(c, now);
    if (!cached_ || now.size() != cache_leaves_.size() ||
        std::memcmp(now.data(), cache_leaves_.data(), now.size() * sizeof(double)) != 0) {
      cache_text_ = text(c);
      cache_leaves_ = now;
      cached_ = true;
    }
    return cache_text_;
  }
  static const Node& of(const std::unique_ptr<Expression>& e) { return static_cast<const Node&>(*e); }

private:
  mutable bool cached_ = false;
  mutable std::vector<double> cache_leaves_, scratch_;
  mutable std::string cache_text_;
};

struct Number : Node {
  double v;
  explicit Number(double x) : v(x) {}
  std::optional<double> eval(const EvalContext&) const override { return v; }
  void leaves(const EvalContext&, std::vector<double>&) const override {}
  std::string text(const EvalContext&) const override { return num_str(v); }
  void visit(const std::function<void(const std::string&, const std::string&)>&) const override {}
  std::pair<double, double> range(const World*, double) const override { return {v, v}; }
};

struct Quantity : Node {
  std::string name, arg;
  /// What `name` reads, resolved on first use (the same tests in the same order as read_slow),
  /// so that a tick compares no names and builds no map keys.
  enum class Kind { kUnresolved, kObservedArg, kObservedMax, kObservedSum, kIncidentReported, kHoursSinceReport,
                    kResponseLevel, kTHours, kFacilityLevel, kZoneReached, kZoneBelief, kOther };
  mutable Kind kind = Kind::kUnresolved;
  mutable std::string key; ///< "observed/arg" for kObservedArg; observed quantity otherwise
  mutable const World* level_world = nullptr;  ///< kFacilityLevel: the world `level` was read from
  mutable std::optional<double> level;         ///< kFacilityLevel: the facility's warning/guarantee level
  void resolve() const {
    kind = Kind::kOther;
    if (name == "warning" || name == "guarantee") {
      kind = Kind::kFacilityLevel;
      return;
    }
    if (name == "zone_reached") {
      kind = Kind::kZoneReached;
      return;
    }
    if (name == "evacuating" || name == "evacuated_share" || name == "unrelieved") {
      kind = Kind::kZoneBelief;
      return;
    }
    if (name == "zones_reached") return;
    if (const QuantityInfo* q = find_quantity(name); q && !q->observed.empty()) {
      switch (q->read) {
      case QuantitySpec::Read::kValueOfArg: kind = Kind::kObservedArg, key = q->observed + "/" + arg; break;
      case QuantitySpec::Read::kMaxOverSubjects: kind = Kind::kObservedMax, key = q->observed; break;
      case QuantitySpec::Read::kSumOverSubjects: kind = Kind::kObservedSum, key = q->observed; break;
      }
      return;
    }
    if (name == "incident_reported") kind = Kind::kIncidentReported;
    else if (name == "hours_since_report") kind = Kind::kHoursSinceReport;
    else if (name == "response_level") kind = Kind::kResponseLevel;
    else if (name == "t_hours") kind = Kind::kTHours;
  }
  std::optional<double> eval(const EvalContext& c) const override {
    if (kind == Kind::kUnresolved) resolve();
    const Beliefs& b = *c.beliefs;
    switch (kind) {
    case Kind::kObservedArg: {
      auto it = b.observed.find(key);
      if (it == b.observed.end()) return std::nullopt;
      return it->second.value;
    }
    case Kind::kObservedMax: return b.max_value(key);
    case Kind::kObservedSum: return b.sum_value(key);
    case Kind::kIncidentReported: return b.incident_known ? 1.0 : 0.0;
    case Kind::kHoursSinceReport: return b.incident_known ? (c.now_s - b.first_report_t) / 3600.0 : -1.0;
    case Kind::kResponseLevel: return level_number(b.response_level);
    case Kind::kTHours: return c.now_s / 3600.0;
    case Kind::kFacilityLevel: // a facility's levels are fixed for a run: looked up once per world
      if (!c.world) return std::nullopt;
      if (level_world != c.world) {
        level_world = c.world;
        level = read_slow(c);
      }
      return level;
    case Kind::kZoneReached: {
      auto it = b.zones.find(arg);
      return it != b.zones.end() && it->second.reached ? 1.0 : 0.0;
    }
    default: return read_slow(c);
    }
  }
  std::optional<double> read_slow(const EvalContext& c) const {
    const Beliefs& b = *c.beliefs;
    if (name == "warning" || name == "guarantee") {
      const Facility* f = c.world ? c.world->facility(arg) : nullptr;
      if (!f) return std::nullopt;
      return name == "warning" ? f->warning_m : f->guarantee_m;
    }
    if (name == "zone_reached") {
      auto it = b.zones.find(arg);
      return it != b.zones.end() && it->second.reached ? 1.0 : 0.0;
    }
    if (name == "evacuating" || name == "evacuated_share" || name == "unrelieved") {
      auto it = b.zones.find(arg);
      if (it == b.zones.end()) return 0.0;
      const ZoneBelief& z = it->second;
      if (name == "evacuating") return z.evacuation_ordered && !z.evacuated ? 1.0 : 0.0;
      if (name == "evacuated_share") return z.evacuated ? std::max(z.evacuated_share, 0.0) : z.evacuated_share;
      return z.relief_need;
    }
    if (name == "zones_reached") {
      double n = 0;
      for (auto& [id, z] : b.zones)
        n += z.reached ? 1 : 0;
      return n;
    }
    if (const QuantityInfo* q = find_quantity(name); q && !q->observed.empty()) {
      // A quantity read from observations (hazard modules, casualties): never ground truth.
      switch (q->read) {
      case QuantitySpec::Read::kValueOfArg: return b.value(q->observed, arg);
      case QuantitySpec::Read::kMaxOverSubjects: return b.max_value(q->observed);
      case QuantitySpec::Read::kSumOverSubjects: return b.sum_value(q->observed);
      }
    }
    if (name == "incident_reported") return b.incident_known ? 1.0 : 0.0;
    if (name == "hours_since_report") return b.incident_known ? (c.now_s - b.first_report_t) / 3600.0 : -1.0;
    if (name == "response_level") return level_number(b.response_level);
    if (name == "t_hours") return c.now_s / 3600.0;
    return std::nullopt;
  }
  void leaves(const EvalContext& c, std::vector<double>& out) const override {
    auto v = eval(c);
    out.push_back(v ? 1.0 : 0.0);
    out.push_back(v ? *v : 0.0);
  }
  std::string text(const EvalContext& c) const override {
    auto v = eval(c);
    return name + (arg.empty() ? "" : "(" + arg + ")") + "=" + (v ? num_str(*v) : "unknown");
  }
  void visit(const std::function<void(const std::string&, const std::string&)>& f) const override {
    f(name, arg);
  }
  std::pair<double, double> range(const World* w, double duration_h) const override {
    if ((name == "warning" || name == "guarantee") && w)
      if (const Facility* f = w->facility(arg)) {
        auto v = name == "warning" ? f->warning_m : f->guarantee_m;
        if (v) return {*v, *v};
      }
    if (name == "hours_since_report" || name == "t_hours")
      return {name == "t_hours" ? 0.0 : -1.0, duration_h};
    const QuantityInfo* q = find_quantity(name);
    return {q->lo, q->hi};
  }
};

struct Unary : Node {
  std::unique_ptr<Expression> a;
  std::optional<double> eval(const EvalContext& c) const override {
    auto v = a->eval(c);
    return v ? std::optional<double>(*v == 0 ? 1.0 : 0.0) : std::optional<double>(1.0);
  }
  void leaves(const EvalContext& c, std::vector<double>& out) const override { of(a).leaves(c, out); }
  std::string text(const EvalContext& c) const override { return "not (" + of(a).text(c) + ")"; }
  void visit(const std::function<void(const std::string&, const std::string&)>& f) const override {
    a->visit(f);
  }
  std::pair<double, double> range(const World*, double) const override { return {0, 1}; }
};

struct Binary : Node {
  std::string op;
  std::unique_ptr<Expression> a, b;
  enum Op { kAnd, kOr, kAdd, kSub, kMul, kDiv, kLt, kLe, kGt, kGe, kEq, kNe, kUnresolved };
  mutable Op code = kUnresolved; ///< `op` resolved on first use: ticks compare no strings
  Op resolve() const {
    static const char* const names[] = {"and", "or", "+", "-", "*", "/", "<", "<=", ">", ">=", "=="};
    code = kNe;
    for (int i = 0; i < kNe; ++i)
      if (op == names[i]) code = Op(i);
    return code;
  }
  std::optional<double> eval(const EvalContext& c) const override {
    const Op o = code == kUnresolved ? resolve() : code;
    auto x = a->eval(c);
    if (o == kAnd) {
      if (!x || *x == 0) return 0.0;
      auto y = b->eval(c);
      return y && *y != 0 ? 1.0 : 0.0;
    }
    if (o == kOr) {
      if (x && *x != 0) return 1.0;
      auto y = b->eval(c);
      return y && *y != 0 ? 1.0 : 0.0;
    }
    auto y = b->eval(c);
    const bool cmp = o >= kLt;
    if (!x || !y) return cmp ? std::optional<double>(0.0) : std::nullopt;
    switch (o) {
    case kAdd: return *x + *y;
    case kSub: return *x - *y;
    case kMul: return *x * *y;
    case kDiv: return *y == 0 ? std::nullopt : std::optional<double>(*x / *y);
    case kLt: return *x < *y ? 1.0 : 0.0;
    case kLe: return *x <= *y ? 1.0 : 0.0;
    case kGt: return *x > *y ? 1.0 : 0.0;
    case kGe: return *x >= *y ? 1.0 : 0.0;
    case kEq: return *x == *y ? 1.0 : 0.0;
    default: return *x != *y ? 1.0 : 0.0;
    }
  }
  void leaves(const EvalContext& c, std::vector<double>& out) const override {
    of(a).leaves(c, out);
    of(b).leaves(c, out);
  }
  std::string text(const EvalContext& c) const override {
    return "(" + of(a).text(c) + " " + op + " " + of(b).text(c) + ")";
  }
  void visit(const std::function<void(const std::string&, const std::string&)>& f) const override {
    a->visit(f);
    b->visit(f);
  }
  std::pair<double, double> range(const World* w, double d) const override {
    auto [alo, ahi] = a->range(w, d);
    auto [blo, bhi] = b->range(w, d);
    if (op == "+") return {alo + blo, ahi + bhi};
    if (op == "-") return {alo - bhi, ahi - blo};
    if (op == "*" || op == "/") return {-kInf, kInf};
    // Comparisons: [1,1] if always true, [0,0] if never, else [0,1].
    bool can_true = true, can_false = true;
    if (op == ">=" || op == ">") {
      can_true = op == ">=" ? ahi >= blo : ahi > blo;
      can_false = op == ">=" ? alo < bhi : alo <= bhi;
    } else if (op == "<=" || op == "<") {
      can_true = op == "<=" ? alo <= bhi : alo < bhi;
      can_false = op == "<=" ? ahi > blo : ahi >= blo;
    } else if (op == "==") {
      can_true = !(ahi < blo || bhi < alo);
    } else if (op == "and") {
      can_true = ahi > 0 && bhi > 0;
      can_false = alo == 0 || blo == 0 || alo < 1 || blo < 1;
    } else if (op == "or") {
      can_true = ahi > 0 || bhi > 0;
    }
    return {can_false ? 0.0 : 1.0, can_true ? 1.0 : 0.0};
  }
};

class Parser {
public:
  explicit Parser(const std::string& s) : s_(s) {}
  std::unique_ptr<Expression> parse_all(std::string& err) {
    try {
      if (s_.size() > kMaxExpressionLength)
        fail("the condition is " + std::to_string(s_.size()) + " characters long; at most " +
             std::to_string(kMaxExpressionLength) + " are allowed");
      skip();
      if (i_ >= s_.size()) fail("the condition is empty");
      auto e = parse_or();
      skip();
      if (i_ < s_.size()) fail("unexpected '" + s_.substr(i_, 1) + "'");
      return e;
    } catch (const std::string& m) {
      err = m;
      return nullptr;
    }
  }

private:
  [[noreturn]] void fail(const std::string& m) { throw "col " + std::to_string(i_ + 1) + ": " + m; }
  void skip() {
    while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_])))
      ++i_;
  }
  bool word(const std::string& w) {
    skip();
    if (s_.compare(i_, w.size(), w) == 0 &&
        (i_ + w.size() == s_.size() ||
         !(std::isalnum(static_cast<unsigned char>(s_[i_ + w.size()])) || s_[i_ + w.size()] == '_'))) {
      i_ += w.size();
      return true;
    }
    return false;
  }
  bool sym(const std::string& w) {
    skip();
    if (s_.compare(i_, w.size(), w) == 0) {
      i_ += w.size();
      return true;
    }
    return false;
  }
  std::unique_ptr<Expression> bin(std::string op, std::unique_ptr<Expression> a,
                                  std::unique_ptr<Expression> b) {
    auto e = std::make_unique<Binary>();
    e->op = std::move(op);
    e->a = std::move(a);
    e->b = std::move(b);
    return e;
  }
  std::unique_ptr<Expression> parse_or() {
    auto e = parse_and();
    while (word("or"))
      e = bin("or", std::move(e), parse_and());
    return e;
  }
  std::unique_ptr<Expression> parse_and() {
    auto e = parse_not();
    while (word("and"))
      e = bin("and", std::move(e), parse_not());
    return e;
  }
  std::unique_ptr<Expression> parse_not() {
    if (word("not")) {
      Nest n(*this);
      auto u = std::make_unique<Unary>();
      u->a = parse_not();
      return u;
    }
    return parse_cmp();
  }
  std::unique_ptr<Expression> parse_cmp() {
    auto e = parse_sum();
    for (const char* op : {"<=", ">=", "==", "!=", "<", ">"})
      if (sym(op)) return bin(op, std::move(e), parse_sum());
    return e;
  }
  std::unique_ptr<Expression> parse_sum() {
    auto e = parse_prod();
    while (true) {
      if (sym("+"))
        e = bin("+", std::move(e), parse_prod());
      else if (sym("-"))
        e = bin("-", std::move(e), parse_prod());
      else
        return e;
    }
  }
  std::unique_ptr<Expression> parse_prod() {
    auto e = parse_atom();
    while (true) {
      if (sym("*"))
        e = bin("*", std::move(e), parse_atom());
      else if (sym("/"))
        e = bin("/", std::move(e), parse_atom());
      else
        return e;
    }
  }
  /// Counts one level of parentheses or `not`; deeper than the limit is an error, not a stack overflow.
  struct Nest {
    Parser& p;
    explicit Nest(Parser& q) : p(q) {
      if (++p.depth_ > kMaxExpressionDepth)
        p.fail("nested deeper than " + std::to_string(kMaxExpressionDepth) + " levels of '(' or 'not'");
    }
    ~Nest() { --p.depth_; }
  };
  /// digits [. digits] [e [+-] digits], or . digits; finite doubles only.
  std::unique_ptr<Expression> number() {
    const size_t b = i_;
    auto digits = [&] {
      size_t n = 0;
      while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_])))
        ++i_, ++n;
      return n;
    };
    size_t n = digits();
    if (i_ < s_.size() && s_[i_] == '.') {
      ++i_;
      n += digits();
    }
    if (n == 0) {
      i_ = b;
      fail("expected a number after '.'");
    }
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      const size_t e = i_++;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      if (digits() == 0) {
        i_ = e;
        fail("expected the digits of an exponent");
      }
    }
    const std::string text = s_.substr(b, i_ - b);
    errno = 0;
    const double v = std::strtod(text.c_str(), nullptr);
    if (!std::isfinite(v) || errno == ERANGE) {
      i_ = b;
      fail("number " + text + " is out of range (at most about 1.8e308)");
    }
    return std::make_unique<Number>(v);
  }
  std::string ident() {
    skip();
    size_t b = i_;
    while (i_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '_'))
      ++i_;
    return s_.substr(b, i_ - b);
  }
  std::unique_ptr<Expression> parse_atom() {
    skip();
    if (i_ >= s_.size()) fail("expected a number, a quantity or '(' but the condition ended");
    if (sym("(")) {
      Nest n(*this);
      auto e = parse_or();
      if (!sym(")")) fail("expected ')'");
      return e;
    }
    if (++operands_ > kMaxExpressionOperands)
      fail("more than " + std::to_string(kMaxExpressionOperands) + " numbers and quantities in one condition");
    if (std::isdigit(static_cast<unsigned char>(s_[i_])) || s_[i_] == '.') return number();
    const size_t at = i_;
    std::string n = ident();
    if (n.empty()) fail("expected a number, a quantity or '('");
    const QuantityInfo* q = find_quantity(n);
    if (!q) {
      i_ = at;
      std::string known;
      for (const auto& x : quantity_table())
        known += (known.empty() ? "" : ", ") + x.name;
      fail("unknown quantity '" + n + "' (known: " + known + ")");
    }
    auto e = std::make_unique<Quantity>();
    e->name = n;
    if (!q->arg.empty()) {
      if (!sym("(")) fail("'" + n + "' needs a " + q->arg + " id in parentheses, e.g. " + n + "(id)");
      e->arg = ident();
      if (e->arg.empty()) fail("expected a " + q->arg + " id");
      if (!sym(")")) fail("expected ')'");
    }
    return e;
  }
  const std::string& s_;
  size_t i_ = 0;
  int depth_ = 0;
  size_t operands_ = 0;
};

} // namespace

std::unique_ptr<Expression> Expression::parse(const std::string& text, std::string& error) {
  try {
    Parser p(text);
    return p.parse_all(error);
  } catch (const std::exception& e) { // e.g. out of memory: still an error of this condition, not a crash
    error = std::string("cannot read the condition: ") + e.what();
    return nullptr;
  }
}

} // namespace hg
