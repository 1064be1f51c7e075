#pragma once
/// @file
/// @brief Where the viewer's events come from. A finished run is a file (FileEventSource); a live
/// drill feed will implement the same interface and keep returning new events from poll().
#include "sim/io/EventLog.hpp"

#include <optional>
#include <string>
#include <vector>

namespace hg::viz {

class EventSource {
public:
  virtual ~EventSource() = default;
  /// Events that arrived since the previous call, in log order (the whole log at the first call
  /// for a finished run, then nothing).
  virtual std::vector<Event> poll() = 0;
  /// True while more events may still arrive (a running drill); false for a finished run.
  virtual bool live() const = 0;
  /// A live source's simulated clock (the drill's "now"); none for a finished run.
  virtual std::optional<double> clock_s() const { return std::nullopt; }
  /// Human-readable origin, for titles and error messages.
  virtual std::string describe() const = 0;
};

} // namespace hg::viz
