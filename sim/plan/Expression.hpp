#pragma once
/// @file
/// @brief Plan trigger conditions: a small expression language over what a command post has
/// observed, e.g. `stage(f_gauge_suibin) >= warning(f_gauge_suibin) and hours_since_report >= 1`.
///
/// Grammar: or := and ('or' and)* ; and := not ('and' not)* ; not := 'not' not | cmp ;
/// cmp := sum (('<'|'<='|'>'|'>='|'=='|'!=') sum)? ; sum := prod (('+'|'-') prod)* ;
/// prod := atom (('*'|'/') atom)* ; atom := number | name | name '(' id ')' | '(' or ')'.
/// Names are listed in docs/plans.md (quantity table). Booleans are 1 and 0.
#include "sim/hazards/ModuleParts.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hg {

struct Beliefs;
struct World;

/// The values an expression can read: beliefs of the post, the static world, and the clock.
struct EvalContext {
  const Beliefs* beliefs = nullptr;
  const World* world = nullptr;
  double now_s = 0;
};

/// @brief What a quantity name means: its argument kind and its possible range (for static checks).
struct QuantityInfo {
  std::string name;
  std::string arg;    ///< "" (no argument), "gauge", "zone", or what a hazard module names
  std::string hazard; ///< hazard kind that produces it ("" = the engine)
  double lo, hi;      ///< possible range
  std::string observed; ///< observation quantity it reads ("" = computed by the engine)
  QuantitySpec::Read read = QuantitySpec::Read::kValueOfArg;
};
const std::vector<QuantityInfo>& quantity_table();

/// Limits that keep parsing and evaluation bounded (docs/plans.md): characters in a condition,
/// levels of '(' and 'not', and numbers plus quantities (each operator joins two of them, so this
/// also bounds the depth of a long sum).
constexpr size_t kMaxExpressionLength = 4000;
constexpr int kMaxExpressionDepth = 32;
constexpr size_t kMaxExpressionOperands = 256;

class Expression {
public:
  /// Parses `text`. On error returns nullptr and sets `error` ("col N: ...").
  static std::unique_ptr<Expression> parse(const std::string& text, std::string& error);
  virtual ~Expression() = default;
  /// Value; nullopt when a quantity has not been observed yet (then comparisons are false).
  virtual std::optional<double> eval(const EvalContext& ctx) const = 0;
  /// The expression with the current value of every quantity, for "why did/didn't it fire".
  virtual std::string explain(const EvalContext& ctx) const = 0;
  /// Visits every quantity reference (name, argument).
  virtual void visit(const std::function<void(const std::string&, const std::string&)>& f) const = 0;
  /// Possible range of the value, from the quantity table (for "can never fire" checks).
  virtual std::pair<double, double> range(const World* world, double duration_h) const = 0;
};

} // namespace hg
