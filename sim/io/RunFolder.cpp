#include "sim/io/RunFolder.hpp"

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace hg {

namespace {

/// Number of events and the largest seq in events.sqlite; "" or an error.
std::string read_sqlite(const std::string& path, long long& count, long long& max_seq) {
  sqlite3* db = nullptr;
  std::string err;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    err = path + ": cannot open the SQLite log: " + (db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return err;
  }
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT count(*), coalesce(max(seq), -1) FROM events", -1, &st, nullptr) != SQLITE_OK ||
      sqlite3_step(st) != SQLITE_ROW) {
    err = path + ": not a readable event log (" + sqlite3_errmsg(db) + ")";
  } else {
    count = sqlite3_column_int64(st, 0);
    max_seq = sqlite3_column_int64(st, 1);
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return err;
}

} // namespace

std::string check_run_folder(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    return dir + ": not a run folder (" + (fs::exists(dir, ec) ? "not a folder" : "no such folder") + ")";
  const fs::path d(dir);
  const fs::path run_json = d / "run.json", jsonl = d / "events.jsonl", sqlite = d / "events.sqlite";
  if (!fs::is_regular_file(run_json, ec))
    return run_json.string() + ": missing; not a folder written by hgdrill run";
  {
    std::ifstream in(run_json);
    const nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
    if (!j.is_object() || !j.contains("scenario") || !j["scenario"].is_string())
      return run_json.string() + ": unreadable or without \"scenario\"";
  }
  if (!fs::is_regular_file(jsonl, ec)) return jsonl.string() + ": missing event log";
  if (fs::file_size(jsonl, ec) == 0) return jsonl.string() + ": the event log is empty";
  long long lines = 0, last_seq = -1;
  {
    std::ifstream in(jsonl, std::ios::binary);
    std::string line;
    while (std::getline(in, line)) {
      ++lines;
      const nlohmann::json e = nlohmann::json::parse(line, nullptr, false);
      if (!e.is_object() || !e.contains("seq") || !e["seq"].is_number_integer() || !e.contains("type"))
        return jsonl.string() + ":" + std::to_string(lines) + ": not an event (the log is damaged)";
      const long long seq = e["seq"].get<long long>();
      if (seq <= last_seq)
        return jsonl.string() + ":" + std::to_string(lines) + ": events out of order (the log is damaged)";
      last_seq = seq;
    }
  }
  if (!fs::is_regular_file(sqlite, ec)) return sqlite.string() + ": missing event log";
  long long count = 0, max_seq = -1;
  if (std::string err = read_sqlite(sqlite.string(), count, max_seq); !err.empty()) return err;
  if (count != lines || max_seq != last_seq)
    return sqlite.string() + ": holds " + std::to_string(count) + " events but events.jsonl holds " +
           std::to_string(lines) + "; the two logs disagree (the folder is damaged)";
  return "";
}

} // namespace hg
