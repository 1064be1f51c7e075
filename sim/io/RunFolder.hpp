#pragma once
/// @file
/// @brief Checks that a folder is a complete run written by `hgdrill run` before a verb reads it
/// (score, compare, render, view): run.json readable, events.jsonl present and non-empty with every
/// line an event, events.sqlite readable and holding the same events. A broken folder is refused
/// (exit code 3) instead of being scored as an empty run.
#include <string>

namespace hg {

/// "" if `dir` is a complete run folder, else what is wrong (one line, naming the file).
std::string check_run_folder(const std::string& dir);

} // namespace hg
