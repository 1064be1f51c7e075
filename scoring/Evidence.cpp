/// @file
/// @brief Evidence lists: merged without duplicates so a score never cites the same event twice.
#include "scoring/Evidence.hpp"

#include <algorithm>

namespace hg::score {

void merge_evidence(std::vector<Evidence>& into, const std::vector<Evidence>& more) {
  for (const auto& e : more) {
    const bool seen = std::any_of(into.begin(), into.end(),
                                  [&](const Evidence& x) { return x.seq == e.seq && x.log == e.log; });
    if (!seen)
      into.push_back(e);
  }
}

} // namespace hg::score
