#include "sim/ensemble/Ensemble.hpp"

#include "sim/ensemble/EnsembleReport.hpp"
#include "sim/ensemble/ReplicaRunner.hpp"
#include "sim/ensemble/ReplicaTable.hpp"
#include "sim/ensemble/Summary.hpp"
#include "sim/io/AtomicDir.hpp"
#include "sim/io/YamlParseCache.hpp"
#include "sim/run/RunPipeline.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>

namespace fs = std::filesystem;

namespace hg::ensemble {

namespace {
constexpr int kOk = 0, kUsage = 2, kInvalidInput = 3, kOutputError = 4;
} // namespace

int validate_spec(EnsembleSpec& spec, bool seed_given, const EnsembleHooks& hooks) {
  RunHooks run_hooks;
  run_hooks.check_rubric = hooks.check_rubric;
  spec.labels.clear();
  const std::size_t n_plans = std::max<std::size_t>(1, spec.plans.size());
  std::set<std::string> used;
  for (std::size_t p = 0; p < n_plans; ++p) {
    RunRequest req;
    req.scenario = spec.scenario;
    if (seed_given) req.seed = spec.seed;
    if (p < spec.plans.size()) req.plan = spec.plans[p];
    req.quiet = spec.quiet;
    Setup setup;
    if (!prepare_run(req, setup, &run_hooks)) return kInvalidInput;
    spec.scenario_id = setup.scenario->id;
    if (!seed_given) spec.seed = setup.scenario->seed;
    const Plan* lead = setup.lead_plan();
    std::string label = lead ? fs::path(lead->file).stem().string() : "no-plan";
    for (int i = 2; used.count(label); ++i) label = fs::path(lead ? lead->file : "no-plan").stem().string() + "-" + std::to_string(i);
    used.insert(label);
    spec.labels.push_back(label);
  }
  return kOk;
}

namespace {

/// DIR/ensemble.json: written on the first start, compared on a resume.
int claim_folder(const EnsembleSpec& spec) {
  const std::string path = spec.out + "/ensemble.json";
  const nlohmann::json want = spec_json(spec);
  std::error_code ec;
  if (fs::exists(path)) {
    nlohmann::json have;
    try {
      std::ifstream in(path);
      have = nlohmann::json::parse(in);
    } catch (const std::exception& e) {
      std::cerr << "hgdrill ensemble: " << path << ": unreadable: " << e.what() << "\n";
      return kOutputError;
    }
    if (have != want) {
      std::cerr << "hgdrill ensemble: " << spec.out << " holds an ensemble of another scenario, seed, plans or "
                << "baseline setting (" << path << "); choose another --out or delete it\n";
      return kUsage;
    }
    return kOk;
  }
  if (fs::exists(spec.out) && !fs::is_empty(spec.out, ec)) {
    std::cerr << "hgdrill ensemble: " << spec.out << ": exists and is not an ensemble folder; choose another --out\n";
    return kUsage;
  }
  fs::create_directories(spec.out + "/replicas", ec);
  if (ec) {
    std::cerr << "hgdrill ensemble: " << spec.out << ": cannot create: " << ec.message() << "\n";
    return kOutputError;
  }
  write_file_atomic(path, want.dump(2) + "\n");
  return kOk;
}

} // namespace

int run_ensemble(EnsembleSpec spec, bool seed_given, const EnsembleHooks& hooks, const Share& share,
                 const Gather& gather, const Broadcast& broadcast) {
  if (spec.runs == 0) {
    std::cerr << "hgdrill ensemble: --runs must be at least 1\n";
    return kUsage;
  }
  keep_parsed_yaml(true); // parsed once here, inherited by every forked replica
  if (int rc = validate_spec(spec, seed_given, hooks); rc != kOk) return rc;
  int claimed = kOk;
  if (share.rank == 0) {
    try {
      claimed = claim_folder(spec);
    } catch (const std::exception& e) {
      std::cerr << "hgdrill ensemble: " << e.what() << "\n";
      claimed = kOutputError;
    }
  }
  if (int rc = broadcast(claimed); rc != kOk) return rc;
  const auto todo = pending_replicas(spec, share);
  std::size_t share_total = 0;
  for (std::size_t k = 0; k < spec.runs; ++k) share_total += share.mine(k) ? 1 : 0;
  int rc = run_replicas(spec, todo, share_total - todo.size(), hooks.score, !spec.quiet && share.rank == 0);
  // Every rank sends what it has (also after a failure, so that rank 0 keeps the finished records).
  std::vector<nlohmann::json> mine;
  try {
    for (std::size_t k = 0; k < spec.runs; ++k)
      if (share.mine(k) && fs::exists(record_path(spec.out, k))) {
        std::ifstream in(record_path(spec.out, k));
        mine.push_back(nlohmann::json::parse(in));
      }
  } catch (const std::exception& e) {
    std::cerr << "hgdrill ensemble: " << e.what() << "\n";
    rc = rc ? rc : kOutputError;
  }
  std::vector<nlohmann::json> others = gather(mine);
  if (share.rank != 0) return rc;
  try {
    for (const auto& r : others) {
      const std::string p = record_path(spec.out, r["replica"].get<std::size_t>());
      if (!fs::exists(p)) write_file_atomic(p, r.dump() + "\n");
    }
  } catch (const std::exception& e) {
    std::cerr << "hgdrill ensemble: " << e.what() << "\n";
    return kOutputError;
  }
  if (rc != 0) {
    std::cerr << "hgdrill ensemble: stopped after a failed replica; run the same command again to resume\n";
    return rc;
  }
  try {
    const auto records = load_records(spec.out, spec.runs);
    const nlohmann::json summary = summarise(spec, records);
    const ReplicaTable table = replica_table(records, summary);
    write_file_atomic(spec.out + "/replicas.csv", table_csv(table));
    write_table_sqlite(table, spec.out + "/replicas.sqlite");
    write_file_atomic(spec.out + "/report.md", report_markdown(summary, hooks.kpi_names));
    write_file_atomic(spec.out + "/report.html", report_html(summary, hooks.kpi_names));
    write_file_atomic(spec.out + "/summary.json", summary.dump(2) + "\n"); // last: its presence means complete
    std::error_code ec;
    if (fs::is_empty(spec.out + "/runs", ec) && !ec) fs::remove(spec.out + "/runs", ec);
    if (!spec.quiet) std::cout << console_summary(summary, hooks.kpi_names) << "  results: " << spec.out
                               << "/summary.json, report.html, replicas.csv\n";
  } catch (const std::exception& e) {
    std::cerr << "hgdrill ensemble: " << e.what() << "\n";
    return kOutputError;
  }
  return kOk;
}

} // namespace hg::ensemble
