#pragma once
/// @file
/// @brief One replica of an ensemble: its no-response baseline (once, shared by every plan), then
/// each plan in a process of its own (SimGrid allows one engine per process), scored, and the whole
/// written as one record DIR/replicas/<k>.json. A record exists only once the replica is complete,
/// so an interrupted ensemble resumes by running the replicas that have none.
#include "sim/ensemble/EnsembleSpec.hpp"

#include <string>

namespace hg::ensemble {

/// DIR/replicas/<k>.json (zero-padded so that the folder lists in order).
std::string record_path(const std::string& out, std::size_t k);

/// Runs replica k and writes its record. Call in a process of its own that has started no engine
/// (it forks one child per plan). Returns 0, or the exit code of the step that failed.
int run_replica(const EnsembleSpec& spec, std::size_t k, const ReplicaScorer& scorer);

} // namespace hg::ensemble
