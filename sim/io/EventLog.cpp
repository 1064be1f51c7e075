#include "sim/io/EventLog.hpp"

#include "sim/io/EventTypes.hpp"

#include <sqlite3.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <stdexcept>

namespace hg {

namespace {
void round_numbers(nlohmann::json& j) {
  if (j.is_number_float()) {
    double v = j.get<double>();
    double r = std::round(v * 1e6) / 1e6;
    j = (r == 0.0 ? 0.0 : r); // no "-0.0"
  } else if (j.is_structured()) {
    for (auto& x : j)
      round_numbers(x);
  }
}
bool g_strict = false;

void check_registered(const std::string& type, const nlohmann::json& payload) {
  const EventType* t = find_event_type(type);
  if (!t) throw std::logic_error("event type \"" + type + "\" is not in the event catalogue");
  for (auto it = payload.begin(); it != payload.end(); ++it) {
    bool known = false;
    for (const auto& f : t->fields)
      known = known || f.name == it.key();
    if (!known)
      throw std::logic_error("event " + type + ": payload field \"" + it.key() + "\" is not in the catalogue");
  }
}
} // namespace

void EventLog::set_strict(bool on) {
  g_strict = on;
}

const Event& EventLog::append(double t, std::string type, std::vector<std::string> actors,
                              nlohmann::json payload) {
  if (payload.is_null()) payload = nlohmann::json::object();
  if (g_strict) check_registered(type, payload);
  round_numbers(payload);
  Event e;
  e.seq = long(events_.size());
  e.t = std::round(t * 1000.0) / 1000.0;
  e.type = std::move(type);
  e.actors = std::move(actors);
  e.payload = std::move(payload);
  events_.push_back(std::move(e));
  for (const auto& f : listeners_)
    f(events_.back());
  return events_.back();
}

std::string EventLog::to_line(const Event& e) {
  char tbuf[64];
  std::snprintf(tbuf, sizeof tbuf, "%.3f", e.t);
  std::string s = "{\"seq\":" + std::to_string(e.seq) + ",\"t\":" + tbuf +
                  ",\"type\":" + nlohmann::json(e.type).dump() +
                  ",\"actors\":" + nlohmann::json(e.actors).dump() + ",\"payload\":" + e.payload.dump() + "}";
  return s;
}

std::string EventLog::to_jsonl() const {
  std::string s;
  for (const auto& e : events_)
    s += to_line(e) + "\n";
  return s;
}

void EventLog::write_jsonl(const std::string& path) const {
  std::ofstream out(path, std::ios::binary);
  out << to_jsonl();
  if (!out) throw std::runtime_error(path + ": cannot write event log");
}

void EventLog::write_sqlite(const std::string& path,
                            const std::vector<std::pair<std::string, std::string>>& meta) const {
  std::remove(path.c_str());
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    throw std::runtime_error(path + ": cannot create SQLite log: " + msg);
  }
  auto exec = [&](const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : "?";
      sqlite3_free(err);
      sqlite3_close(db);
      throw std::runtime_error(path + ": SQLite error: " + msg);
    }
  };
  exec("PRAGMA journal_mode=OFF; BEGIN;"
       "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
       "CREATE TABLE events(seq INTEGER PRIMARY KEY, t REAL NOT NULL, type TEXT NOT NULL, actors TEXT NOT "
       "NULL,"
       " payload TEXT NOT NULL);"
       "CREATE INDEX events_type ON events(type);");
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO meta VALUES(?,?)", -1, &st, nullptr);
  for (const auto& [k, v] : meta) {
    sqlite3_bind_text(st, 1, k.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, v.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_step(st);
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  sqlite3_prepare_v2(db, "INSERT INTO events VALUES(?,?,?,?,?)", -1, &st, nullptr);
  for (const auto& e : events_) {
    const std::string actors = nlohmann::json(e.actors).dump(), payload = e.payload.dump();
    sqlite3_bind_int64(st, 1, e.seq);
    sqlite3_bind_double(st, 2, e.t);
    sqlite3_bind_text(st, 3, e.type.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, actors.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, payload.c_str(), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_DONE) {
      sqlite3_finalize(st);
      sqlite3_close(db);
      throw std::runtime_error(path + ": SQLite insert failed");
    }
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  exec("COMMIT;");
  sqlite3_close(db);
}

std::vector<Event> EventLog::read_jsonl(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot open event log");
  std::vector<Event> out;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty()) continue;
    try {
      auto j = nlohmann::json::parse(line);
      Event e;
      e.seq = j.at("seq").get<long>();
      e.t = j.at("t").get<double>();
      e.type = j.at("type").get<std::string>();
      e.actors = j.at("actors").get<std::vector<std::string>>();
      e.payload = j.at("payload");
      out.push_back(std::move(e));
    } catch (const std::exception& ex) {
      throw std::runtime_error(path + ":" + std::to_string(n) + ": bad event line: " + ex.what());
    }
  }
  return out;
}

} // namespace hg
