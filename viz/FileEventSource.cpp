/// @file
/// @brief Reads a finished run's event log once (see FileEventSource.hpp).
#include "viz/FileEventSource.hpp"

namespace hg::viz {

std::vector<Event> FileEventSource::poll() {
  if (done_) return {};
  done_ = true;
  return EventLog::read_jsonl(path_);
}

} // namespace hg::viz
