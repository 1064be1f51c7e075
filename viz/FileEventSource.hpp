#pragma once
/// @file
/// @brief EventSource over a finished run's events.jsonl (docs/formats.md, "Event log").
#include "viz/EventSource.hpp"

namespace hg::viz {

class FileEventSource : public EventSource {
public:
  /// Does not read yet; the first poll() reads the file (and throws std::runtime_error on bad input).
  explicit FileEventSource(std::string path) : path_(std::move(path)) {}
  std::vector<Event> poll() override;
  bool live() const override { return false; }
  std::string describe() const override { return path_; }

private:
  std::string path_;
  bool done_ = false;
};

} // namespace hg::viz
