#include "sim/drill/DrillJournal.hpp"

#include <sqlite3.h>

#include <stdexcept>

namespace hg {

namespace {

struct Stmt {
  sqlite3_stmt* s = nullptr;
  Stmt(sqlite3* db, const char* sql) {
    if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) != SQLITE_OK)
      throw std::runtime_error(std::string("journal: ") + sqlite3_errmsg(db));
  }
  ~Stmt() { sqlite3_finalize(s); }
  void text(int i, const std::string& v) {
    sqlite3_bind_text(s, i, v.c_str(), int(v.size()), SQLITE_TRANSIENT);
  }
  void real(int i, double v) { sqlite3_bind_double(s, i, v); }
  void integer(int i, long v) { sqlite3_bind_int64(s, i, v); }
  std::string col_text(int i) {
    auto p = sqlite3_column_text(s, i);
    return p ? std::string(reinterpret_cast<const char*>(p)) : "";
  }
};

} // namespace

DrillJournal::DrillJournal(const std::string& path) : path_(path) {
  if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK)
    throw std::runtime_error("journal: cannot open " + path + ": " + sqlite3_errmsg(db_));
  sqlite3_busy_timeout(db_, 5000);
  // WAL with synchronous=FULL: each commit is fsynced to the log before sqlite3_step returns.
  exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
       "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
       "CREATE TABLE IF NOT EXISTS inputs(seq INTEGER PRIMARY KEY, t_s REAL NOT NULL, kind TEXT NOT NULL,"
       " by TEXT NOT NULL, post TEXT NOT NULL, body TEXT NOT NULL);"
       "CREATE TABLE IF NOT EXISTS deliveries(id INTEGER PRIMARY KEY, team TEXT NOT NULL, t_s REAL NOT NULL,"
       " message TEXT NOT NULL);");
}

DrillJournal::~DrillJournal() {
  sqlite3_close(db_);
}

void DrillJournal::exec(const std::string& sql) const {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string e = err ? err : "?";
    sqlite3_free(err);
    throw std::runtime_error("journal " + path_ + ": " + e);
  }
}

long DrillJournal::input_count() const {
  std::lock_guard<std::mutex> lock(m_);
  Stmt q(db_, "SELECT COALESCE(MAX(seq), 0) FROM inputs");
  sqlite3_step(q.s);
  return long(sqlite3_column_int64(q.s, 0));
}

void DrillJournal::append(const RunInput& in) {
  const long seq = input_count() + 1;
  std::lock_guard<std::mutex> lock(m_);
  Stmt q(db_, "INSERT INTO inputs(seq, t_s, kind, by, post, body) VALUES(?,?,?,?,?,?)");
  q.integer(1, seq);
  q.real(2, in.t_s);
  q.text(3, input_kind_name(in.kind));
  q.text(4, in.by);
  q.text(5, in.post);
  q.text(6, in.body.dump());
  if (sqlite3_step(q.s) != SQLITE_DONE)
    throw std::runtime_error(std::string("journal: ") + sqlite3_errmsg(db_));
}

void DrillJournal::append_deliveries(const std::vector<Delivery>& d) {
  if (d.empty()) return;
  std::lock_guard<std::mutex> lock(m_);
  exec("BEGIN");
  try {
    for (const auto& x : d) {
      Stmt q(db_, "INSERT INTO deliveries(team, t_s, message) VALUES(?,?,?)");
      q.text(1, x.team);
      q.real(2, x.t_s);
      q.text(3, x.message.dump());
      if (sqlite3_step(q.s) != SQLITE_DONE)
        throw std::runtime_error(std::string("journal: ") + sqlite3_errmsg(db_));
    }
    exec("COMMIT");
  } catch (...) {
    exec("ROLLBACK");
    throw;
  }
}

void DrillJournal::set_meta(const std::string& key, const std::string& value) {
  std::lock_guard<std::mutex> lock(m_);
  Stmt q(db_, "INSERT OR REPLACE INTO meta(key, value) VALUES(?,?)");
  q.text(1, key);
  q.text(2, value);
  if (sqlite3_step(q.s) != SQLITE_DONE)
    throw std::runtime_error(std::string("journal: ") + sqlite3_errmsg(db_));
}

std::optional<std::string> DrillJournal::meta(const std::string& key) const {
  std::lock_guard<std::mutex> lock(m_);
  Stmt q(db_, "SELECT value FROM meta WHERE key = ?");
  q.text(1, key);
  if (sqlite3_step(q.s) != SQLITE_ROW) return std::nullopt;
  return q.col_text(0);
}

std::vector<RunInput> DrillJournal::inputs() const {
  std::lock_guard<std::mutex> lock(m_);
  Stmt q(db_, "SELECT seq, t_s, kind, by, post, body FROM inputs ORDER BY seq");
  std::vector<RunInput> out;
  while (sqlite3_step(q.s) == SQLITE_ROW) {
    nlohmann::json j = {{"seq", long(sqlite3_column_int64(q.s, 0))},
                        {"t_s", sqlite3_column_double(q.s, 1)},
                        {"kind", q.col_text(2)},
                        {"by", q.col_text(3)},
                        {"post", q.col_text(4)},
                        {"body", nlohmann::json::parse(q.col_text(5))}};
    out.push_back(RunInput::from_json(j));
  }
  return out;
}

std::vector<Delivery> DrillJournal::deliveries() const {
  std::lock_guard<std::mutex> lock(m_);
  Stmt q(db_, "SELECT id, team, t_s, message FROM deliveries ORDER BY id");
  std::vector<Delivery> out;
  while (sqlite3_step(q.s) == SQLITE_ROW)
    out.push_back({long(sqlite3_column_int64(q.s, 0)), q.col_text(1), sqlite3_column_double(q.s, 2),
                   nlohmann::json::parse(q.col_text(3))});
  return out;
}

} // namespace hg
