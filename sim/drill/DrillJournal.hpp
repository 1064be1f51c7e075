#pragma once
/// @file
/// @brief The drill's journal in SQLite (WAL, synchronous=FULL): every accepted input (order, inject,
/// clock change), every message delivered to a team's inbox, and the session's facts (exercise, seed,
/// draw commitment). A row is committed — on disk — before the server answers for it, so that after a
/// crash or kill -9 `hgdrill serve --resume` rebuilds the exact state from the seed and this file.
#include "sim/engine/InputJournal.hpp"

#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace hg {

struct Delivery {
  long id = 0;
  std::string team;
  double t_s = 0;
  nlohmann::json message;
};

class DrillJournal : public InputJournal {
public:
  /// Opens or creates `path`. Throws std::runtime_error.
  explicit DrillJournal(const std::string& path);
  ~DrillJournal() override;
  DrillJournal(const DrillJournal&) = delete;
  DrillJournal& operator=(const DrillJournal&) = delete;

  /// Appends an accepted input. Its seq is the journal's own next number (continuing after a resume).
  void append(const RunInput& in) override;
  /// Appends messages delivered to team inboxes, in one transaction.
  void append_deliveries(const std::vector<Delivery>& d);
  void set_meta(const std::string& key, const std::string& value);
  std::optional<std::string> meta(const std::string& key) const;

  std::vector<RunInput> inputs() const;
  std::vector<Delivery> deliveries() const;
  long input_count() const;

private:
  void exec(const std::string& sql) const;
  sqlite3* db_ = nullptr;
  std::string path_;
  mutable std::mutex m_;
};

} // namespace hg
