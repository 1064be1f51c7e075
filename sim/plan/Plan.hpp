#pragma once
/// @file
/// @brief A contingency plan (预案) as data, in the structure of Chinese special plans: 总则 (general),
/// 组织体系 (organisation), 预警 (warning), 应急响应 (response levels I–IV), 处置措施 (measures),
/// 保障 (support). Every section holds clauses: a trigger condition and actions with deadlines.
#include "sim/engine/Action.hpp"
#include "sim/io/Diagnostics.hpp"
#include "sim/plan/Expression.hpp"
#include "sim/world/World.hpp"

#include <memory>
#include <set>
#include <string>
#include <vector>

namespace hg {

struct PlanClause {
  std::string id;
  std::string section; ///< warning | response | measures | support
  Names title;
  std::string level; ///< response level (I..IV) or warning colour, if the clause defines one
  std::string when_text;
  std::shared_ptr<Expression> when;
  std::vector<Action> actions;
  double repeat_s = 0; ///< 0 = fires once; else re-fires this long after the previous firing
  int line = 0;        ///< where it is defined (for messages)
};

struct Agency {
  std::string id;
  Names name;
};

struct Plan {
  std::string file;
  std::string id;
  Names name;
  std::string hazard; ///< flood | forest_fire | chemical_release | coal_mine | hazmat_road
  Names scope;
  Names issued_by;
  std::string lead_post;
  std::vector<Agency> agencies;
  std::vector<PlanClause> clauses; ///< in file order: warning, response, measures, support
  const PlanClause* clause(const std::string& id) const;
};

/// Loads a plan; ids are checked against `world` when given.
/// Loads a plan; ids are checked against `world` when given, and dispatch targets may also be the
/// scenario's hazard targets.
Plan load_plan(const std::string& path, const World* world, Diagnostics& diag,
               const std::set<std::string>* hazard_targets = nullptr);

} // namespace hg
