#pragma once
/// @file
/// @brief The automatic commander: plays a plan at the lead command post. It evaluates each clause's
/// condition on the post's beliefs (delayed reports, never ground truth), fires clauses into
/// decisions, and logs every firing with the clause behind it, every action done on time or late,
/// and at the end every clause that never fired with the values that kept it from firing.
#include "sim/engine/Commander.hpp"
#include "sim/plan/Plan.hpp"

#include <map>

namespace hg {

class PlanExecutor : public Commander {
public:
  PlanExecutor(const Plan& plan, const World& world);
  std::string kind() const override { return "plan"; }
  void start(const LogFn& log) override;
  std::vector<Decision> decide(double now_s, const Beliefs& beliefs, const LogFn& log) override;
  bool may_decide(double now_s, bool beliefs_changed) const override;
  void action_done(const Decision& d, double done_t, const LogFn& log) override;
  void finish(double end_s, const LogFn& log) override;

private:
  struct ClauseState {
    int fired = 0;
    double last_fired_t = 0;
    std::string last_explanation;
  };
  const Plan& plan_;
  const World& world_;
  std::map<std::string, ClauseState> state_;
  bool reads_clock_ = false;   ///< a condition reads t_hours or hours_since_report
  double last_decide_t_ = -1;  ///< when decide() last ran (-1: never)
};

} // namespace hg
