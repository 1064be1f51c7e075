#pragma once
/// @file
/// @brief A pointer from a number in a report back to the event that supports it. Every KPI value,
/// score and finding carries these so a trainer can check each claim against the event log.
#include "sim/io/EventLog.hpp"

#include <string>
#include <vector>

namespace hg::score {

struct Evidence {
  long seq = 0;
  double t_s = 0;
  std::string type;
  std::string log = "run"; ///< "run", or "baseline" for the no-response log used by lives saved
};

inline Evidence evidence_of(const Event& e, const std::string& log = "run") { return {e.seq, e.t, e.type, log}; }

/// Appends `more` to `into`, skipping events already listed (same log and seq).
void merge_evidence(std::vector<Evidence>& into, const std::vector<Evidence>& more);

} // namespace hg::score
