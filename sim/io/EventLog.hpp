#pragma once
/// @file
/// @brief The event log, the spine of hgdrill: every fact that is scored, shown or replayed is an
/// event with a simulated time. Written as JSON Lines and SQLite (docs/formats.md, "Event log");
/// read back by scoring and the viewer, which never see the engine's memory.
#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

namespace hg {

struct Event {
  long seq = 0;
  double t = 0; ///< simulated seconds since scenario start
  std::string type;
  std::vector<std::string> actors;
  nlohmann::json payload = nlohmann::json::object();
};

class EventLog {
public:
  /// Appends an event; payload numbers are rounded to 6 decimals so the text form is stable.
  const Event& append(double t, std::string type, std::vector<std::string> actors, nlohmann::json payload);
  const std::vector<Event>& events() const { return events_; }
  /// Calls `f` with every event appended from now on, on the appending thread (live viewers, the
  /// drill server, ensemble KPIs). Keep it short; copy what you need.
  void subscribe(std::function<void(const Event&)> f) { listeners_.push_back(std::move(f)); }
  /// Refuses (std::logic_error) an event whose type or payload fields are not in the event catalogue
  /// (tests turn this on, so that the catalogue and docs/formats.md cannot drift from the writers).
  static void set_strict(bool on);
  size_t size() const { return events_.size(); }

  /// One event as its canonical JSON line (no trailing newline).
  static std::string to_line(const Event& e);
  /// Whole log as JSON Lines text.
  std::string to_jsonl() const;
  void write_jsonl(const std::string& path) const;
  /// Writes tables `events` and `meta` (key/value) to a new SQLite file.
  void write_sqlite(const std::string& path,
                    const std::vector<std::pair<std::string, std::string>>& meta) const;

  /// Reads a JSON Lines log; throws std::runtime_error naming the file and line on bad input.
  static std::vector<Event> read_jsonl(const std::string& path);

private:
  std::vector<Event> events_;
  std::vector<std::function<void(const Event&)>> listeners_;
};

} // namespace hg
