/// @file
/// @brief score_run: load, analyse, score, write. Files are written one by one with
/// write_file_atomic, so a reader sees either the old or the new version of each.
#include "scoring/RunScorer.hpp"

#include "hg/Version.hpp"
#include "scoring/KpiCatalog.hpp"
#include "sim/io/AtomicDir.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace hg::score {

namespace fs = std::filesystem;

std::string find_rubric(const RunData& run, const std::string& requested) {
  if (!requested.empty())
    return requested;
  if (run.run_json.contains("rubric") && run.run_json["rubric"].is_string() &&
      !run.run_json["rubric"].get<std::string>().empty())
    return run.run_json["rubric"].get<std::string>();
  return find_rubric(run.scenario, "");
}

void check_rubric_for(const Scenario& sc, const std::string& path, Diagnostics& diag) {
  std::string p;
  try {
    p = find_rubric(sc, path);
  } catch (const std::exception& e) {
    diag.error(sc.file, 1, 1, "rubric", e.what());
    return;
  }
  load_rubric(p, diag);
}

std::string find_rubric(const Scenario& sc, const std::string& requested) {
  if (!requested.empty())
    return requested;
  if (!sc.rubric_file.empty())
    return sc.rubric_file;
  // Default per hazard: next to the scenarios, then in the source tree; then the generic default.
  const std::string kind = sc.incident.kind;
  std::vector<fs::path> dirs = {fs::path(sc.file).parent_path().parent_path() / "rubrics",
                                fs::path(kSourceDir) / "scenarios" / "rubrics"};
  for (const std::string& name : {kind, std::string("default")})
    for (const auto& d : dirs)
      if (!name.empty() && fs::exists(d / (name + ".yaml")))
        return (d / (name + ".yaml")).string();
  throw std::runtime_error("no rubric: pass --rubric, or put one in scenarios/rubrics/" + kind + ".yaml");
}

std::unique_ptr<ScoredRun> score_folder(const std::string& run_dir, const std::string& rubric_path) {
  auto s = std::make_unique<ScoredRun>();
  s->run = load_run(run_dir);
  Diagnostics diag;
  s->rubric = load_rubric(find_rubric(s->run, rubric_path), diag);
  if (diag.has_errors())
    throw InputError(diag);
  s->analysis = analyse_run(s->run, s->rubric.clocks());
  s->scores = score_analysis(s->analysis, s->rubric, s->run.events);
  s->findings = find_findings(s->run, s->analysis, s->scores, s->rubric);
  return s;
}

std::string summary_text(const ScoredRun& s, const std::string& lang) {
  std::ostringstream o;
  const auto& ov = s.scores.overall;
  o << label("overall", lang) << ": " << (ov ? fmt_num(*ov, 1) + " / 100 (" + hseep_rating(*ov) + ")" : label("na", lang))
    << "  [" << s.rubric.id << "]\n";
  for (const auto& c : s.scores.capabilities)
    o << "  " << c.cap->name.in(lang) << ": " << (c.score ? fmt_num(*c.score, 1) : label("na", lang)) << "\n";
  for (const auto& f : s.findings.improvements)
    o << "  - " << f.title.in(lang) << "\n";
  return o.str();
}

std::string score_run(const std::string& run_dir, const ScoreOptions& opt, const std::string& out_dir) {
  const std::string lang = choose_lang(opt.lang);
  auto s = score_folder(run_dir, opt.rubric_path);
  Report r;
  r.run = &s->run;
  r.analysis = &s->analysis;
  r.rubric = &s->rubric;
  r.scores = &s->scores;
  r.findings = &s->findings;
  r.lang = lang;
  const fs::path png = fs::path(run_dir) / "map.png";
  if (fs::exists(png)) {
    std::ifstream in(png, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    r.map_png_base64 = base64(ss.str());
  }
  const fs::path out = out_dir.empty() ? fs::path(run_dir) : fs::path(out_dir);
  std::error_code ec;
  fs::create_directories(out, ec);
  if (ec)
    throw std::runtime_error(out.string() + ": cannot create output folder: " + ec.message());
  write_file_atomic((out / "scores.json").string(), scores_json(r).dump(2) + "\n");
  write_file_atomic((out / "report.html").string(), report_html(r));
  write_file_atomic((out / "report.md").string(), report_markdown(r));
  return summary_text(*s, lang);
}

} // namespace hg::score
