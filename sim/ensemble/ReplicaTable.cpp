#include "sim/ensemble/ReplicaTable.hpp"

#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <sstream>
#include <stdexcept>

namespace hg::ensemble {

using nlohmann::json;

ReplicaTable replica_table(const std::vector<json>& records, const json& summary) {
  ReplicaTable t;
  t.columns = {"replica", "seed", "plan", "events"};
  std::vector<std::string> inputs = summary.value("inputs", std::vector<std::string>{});
  for (const auto& in : inputs) t.columns.push_back(in);
  // KPIs in first-seen order; met_ columns for those that carry a target.
  std::vector<std::string> kpis, targets;
  std::map<std::string, bool> seen, seen_t;
  for (const auto& rec : records)
    for (const auto& pl : rec["plans"])
      for (const auto& k : pl["kpis"]) {
        const std::string id = k["id"];
        if (!seen[id]) seen[id] = true, kpis.push_back(id);
        if (k.contains("met") && !seen_t[id]) seen_t[id] = true, targets.push_back(id);
      }
  for (const auto& k : kpis) t.columns.push_back(k);
  for (const auto& k : targets) t.columns.push_back("met_" + k);
  for (const auto& rec : records)
    for (const auto& pl : rec["plans"]) {
      std::vector<json> row = {rec["replica"], rec["seed"], pl["plan"], pl.value("events", json())};
      for (const auto& in : inputs) row.push_back(rec["draws"].value(in, json()));
      std::map<std::string, const json*> by_id;
      for (const auto& k : pl["kpis"]) by_id[k["id"].get<std::string>()] = &k;
      for (const auto& k : kpis) {
        auto it = by_id.find(k);
        row.push_back(it != by_id.end() && it->second->value("applicable", false) ? it->second->value("value", json())
                                                                                   : json());
      }
      for (const auto& k : targets) {
        auto it = by_id.find(k);
        row.push_back(it != by_id.end() && it->second->value("applicable", false) && it->second->contains("met")
                          ? json(it->second->at("met").get<bool>() ? 1 : 0)
                          : json());
      }
      t.rows.push_back(std::move(row));
    }
  return t;
}

namespace {
std::string cell_text(const json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "1" : "0";
  return v.dump(); // shortest round-trip form of numbers
}
std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}
} // namespace

std::string table_csv(const ReplicaTable& t) {
  std::ostringstream o;
  for (std::size_t i = 0; i < t.columns.size(); ++i) o << (i ? "," : "") << csv_field(t.columns[i]);
  o << "\n";
  for (const auto& row : t.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) o << (i ? "," : "") << csv_field(cell_text(row[i]));
    o << "\n";
  }
  return o.str();
}

void write_table_sqlite(const ReplicaTable& t, const std::string& path) {
  const std::string tmp = path + ".tmp-" + std::to_string(getpid());
  std::remove(tmp.c_str());
  sqlite3* db = nullptr;
  auto fail = [&](const std::string& what) {
    std::string msg = path + ": " + what + ": " + (db ? sqlite3_errmsg(db) : "cannot open");
    if (db) sqlite3_close(db);
    std::remove(tmp.c_str());
    throw std::runtime_error(msg);
  };
  if (sqlite3_open(tmp.c_str(), &db) != SQLITE_OK) fail("open");
  auto quote = [](const std::string& id) {
    std::string q = "\"";
    for (char c : id) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
  };
  std::string create = "CREATE TABLE replicas (", insert = "INSERT INTO replicas VALUES (";
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    create += (i ? ", " : "") + quote(t.columns[i]) + (i == 0 || i == 1 || i == 3 ? " INTEGER" : i == 2 ? " TEXT" : "");
    insert += i ? ", ?" : "?";
  }
  create += ")";
  insert += ")";
  if (sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK) fail("begin");
  if (sqlite3_exec(db, create.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) fail("create table");
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, insert.c_str(), -1, &st, nullptr) != SQLITE_OK) fail("prepare");
  for (const auto& row : t.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      const json& v = row[i];
      const int c = int(i) + 1;
      if (v.is_null()) sqlite3_bind_null(st, c);
      else if (v.is_number_integer()) sqlite3_bind_int64(st, c, v.get<int64_t>());
      else if (v.is_number()) sqlite3_bind_double(st, c, v.get<double>());
      else if (v.is_boolean()) sqlite3_bind_int(st, c, v.get<bool>() ? 1 : 0);
      else {
        const std::string s = v.is_string() ? v.get<std::string>() : v.dump();
        sqlite3_bind_text(st, c, s.c_str(), int(s.size()), SQLITE_TRANSIENT);
      }
    }
    if (sqlite3_step(st) != SQLITE_DONE) {
      sqlite3_finalize(st);
      fail("insert");
    }
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  if (sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) fail("commit");
  sqlite3_close(db);
  db = nullptr;
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::remove(tmp.c_str());
    throw std::runtime_error(path + ": cannot write: " + ec.message());
  }
}

} // namespace hg::ensemble
