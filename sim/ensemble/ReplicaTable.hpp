#pragma once
/// @file
/// @brief The replica table of an ensemble: one row per replica and plan (replica, seed, plan,
/// events, every sampled input, every KPI value, and met_<kpi> for each rubric target), as
/// DIR/replicas.csv and table `replicas` of DIR/replicas.sqlite. Both are written through a
/// temporary file and a rename.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace hg::ensemble {

struct ReplicaTable {
  std::vector<std::string> columns;
  /// Cells as JSON: numbers, strings, booleans or null (missing / never happened).
  std::vector<std::vector<nlohmann::json>> rows;
};

/// Builds the table from the records (replica order) and the summary (its "inputs" order).
ReplicaTable replica_table(const std::vector<nlohmann::json>& records, const nlohmann::json& summary);

/// RFC 4180 CSV (fields with a comma, quote or newline are quoted; null is an empty field).
std::string table_csv(const ReplicaTable& t);
/// Writes `path` as a SQLite database with one table `replicas`; throws std::runtime_error.
void write_table_sqlite(const ReplicaTable& t, const std::string& path);

} // namespace hg::ensemble
