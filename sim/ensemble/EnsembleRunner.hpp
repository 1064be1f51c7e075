#pragma once
/// @file
/// @brief Runs the replicas of an ensemble that have no record yet, `jobs` at a time, each in a
/// forked worker process, with a progress bar. Under MPI each rank runs its share (k mod size =
/// rank); the records are then gathered on rank 0 (MpiGather).
#include "sim/ensemble/EnsembleSpec.hpp"

#include <string>
#include <vector>

namespace hg::ensemble {

struct Share {
  int rank = 0;
  int size = 1;
  bool mine(std::size_t k) const { return int(k % std::size_t(size)) == rank; }
};

/// Replicas of `share` (0..runs−1) with no record in spec.out.
std::vector<std::size_t> pending_replicas(const EnsembleSpec& spec, const Share& share);

/// Runs `todo`; returns 0 when all succeeded, else the first failing exit code (it stops starting
/// new replicas after a failure and waits for the running ones).
int run_replicas(const EnsembleSpec& spec, const std::vector<std::size_t>& todo, std::size_t already,
                 const ReplicaScorer& scorer, bool progress);

} // namespace hg::ensemble
