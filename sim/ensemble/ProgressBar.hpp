#pragma once
/// @file
/// @brief The ensemble's progress on stderr: a bar with replicas done, rate and ETA, redrawn in
/// place on a terminal and printed every tenth otherwise (logs of batch jobs stay short).
#include <chrono>
#include <cstddef>
#include <string>

namespace hg::ensemble {

class ProgressBar {
public:
  /// `total` replicas to do in this session, `already` found finished (resumed).
  ProgressBar(std::size_t total, std::size_t already, bool enabled);
  void update(std::size_t done);
  void finish();
  /// "1:02:03" or "2:03"; for tests.
  static std::string clock(double seconds);

private:
  std::size_t total_, already_;
  bool enabled_, tty_;
  int last_tenth_ = -1;
  std::chrono::steady_clock::time_point start_;
};

} // namespace hg::ensemble
