#include "sim/plan/Plan.hpp"

#include <algorithm>

#include "sim/io/YamlReader.hpp"

#include <set>

namespace hg {

const PlanClause* Plan::clause(const std::string& id) const {
  for (const auto& c : clauses)
    if (c.id == id) return &c;
  return nullptr;
}

namespace {

void check_quantity_args(const YamlCursor& at, const Expression& e, const World* w) {
  if (!w) return;
  e.visit([&](const std::string& name, const std::string& arg) {
    for (const auto& q : quantity_table()) {
      if (q.name != name) continue;
      if (q.arg == "gauge") {
        const Facility* f = w->facility(arg);
        if (!f)
          at.error("unknown gauge \"" + arg + "\" in " + name + "(...)");
        else if (f->kind != "gauge")
          at.error("\"" + arg + "\" is a " + f->kind + ", not a gauge");
        else if ((name == "warning" && !f->warning_m) || (name == "guarantee" && !f->guarantee_m))
          at.error("gauge \"" + arg + "\" has no " + name + " level (add " + name + "_m to the facility)");
      } else if (q.arg == "zone" && !w->zone(arg)) {
        at.error("unknown zone \"" + arg + "\" in " + name + "(...)");
      }
    }
  });
}

} // namespace

Plan load_plan(const std::string& path, const World* world, Diagnostics& diag,
               const std::set<std::string>* hazard_targets) {
  Plan p;
  p.file = path;
  auto f = YamlFile::load(path, diag);
  if (!f || !f->expect_kind("plan")) return p;
  YamlCursor r = f->root();
  r.only_keys({"hgdrill", "id", "name", "general", "organisation", "warning", "response", "measures",
               "support", "src", "note"});
  p.id = r.id();
  auto [zh, en] = r.names();
  p.name = {zh, en};
  if (r.has("general")) {
    YamlCursor g = r["general"];
    g.only_keys({"hazard", "scope", "issued_by", "src", "note", "basis"});
    p.hazard = g.str("hazard");
    // The incident kinds of docs/formats.md, or "any" for a plan that serves every kind.
    static const std::vector<std::string> kPlanHazards = {"any",          "flood",            "forest_fire",
                                                          "hazmat_road", "chemical_release", "coal_mine"};
    if (!p.hazard.empty() && std::find(kPlanHazards.begin(), kPlanHazards.end(), p.hazard) == kPlanHazards.end())
      g["hazard"].error("unknown hazard kind \"" + p.hazard +
                        "\" (expected any, flood, forest_fire, hazmat_road, chemical_release or coal_mine)");
    if (g.has("scope")) {
      auto [szh, sen] = g["scope"].names();
      p.scope = {szh, sen};
    }
    if (g.has("issued_by")) {
      auto [izh, ien] = g["issued_by"].names();
      p.issued_by = {izh, ien};
    }
  } else {
    r["general"].error("missing section 总则 (general: hazard, scope, issued_by)");
  }
  if (r.has("organisation")) {
    YamlCursor o = r["organisation"];
    o.only_keys({"lead_post", "agencies", "src", "note"});
    p.lead_post = o.str("lead_post");
    if (world && !p.lead_post.empty() && !world->post(p.lead_post))
      o["lead_post"].error("unknown command post \"" + p.lead_post + "\"");
    for (auto& a : o.seq("agencies")) {
      a.only_keys({"id", "zh", "en", "role", "note"});
      p.agencies.push_back({a.id(), {a.opt_str("zh"), a.opt_str("en")}});
    }
  } else {
    r["organisation"].error("missing section 组织体系 (organisation: lead_post, agencies)");
  }
  std::set<std::string> agency_ids;
  for (auto& a : p.agencies)
    agency_ids.insert(a.id);
  std::set<std::string> ids;
  for (const char* section : {"warning", "response", "measures", "support"}) {
    for (auto& c : r.seq(section)) {
      c.only_keys({"id", "zh", "en", "level", "when", "actions", "repeat_h", "src", "note"});
      PlanClause cl;
      cl.id = c.id();
      cl.section = section;
      cl.title = {c.opt_str("zh"), c.opt_str("en")};
      cl.level = c.opt_str("level");
      cl.line = c.line();
      if (!cl.id.empty() && !ids.insert(cl.id).second) c["id"].error("duplicate clause id \"" + cl.id + "\"");
      cl.when_text = c.str("when");
      const bool blank = cl.when_text.find_first_not_of(" \t\r\n") == std::string::npos;
      if (blank && c.has("when") && !c["when"].is_null() && c["when"].node().IsScalar())
        c["when"].error("empty condition (write one, e.g. incident_reported, or remove the measure)");
      if (!blank) {
        std::string err;
        auto e = Expression::parse(cl.when_text, err);
        if (!e)
          c["when"].error("bad condition: " + err + " in \"" +
                          (cl.when_text.size() > 120 ? cl.when_text.substr(0, 100) + "…" : cl.when_text) + "\"");
        else {
          check_quantity_args(c["when"], *e, world);
          cl.when = std::shared_ptr<Expression>(std::move(e));
        }
      }
      cl.repeat_s = c.opt_num("repeat_h", 0, Range::non_negative()) * 3600;
      auto acts = c.seq("actions", true);
      if (acts.empty() && c.has("actions")) c["actions"].error("a clause needs at least one action");
      for (auto& a : acts) {
        Action act = parse_action(a, world, hazard_targets);
        if (!act.agency.empty() && !agency_ids.empty() && !agency_ids.count(act.agency))
          a["agency"].error("unknown agency \"" + act.agency + "\" (declare it in organisation.agencies)");
        cl.actions.push_back(std::move(act));
      }
      if (!c.has("src"))
        c.error(
            "numbers need provenance: add src: to the clause (it covers its actions' deadlines and counts)");
      p.clauses.push_back(std::move(cl));
    }
  }
  if (p.clauses.empty())
    r.error("a plan needs at least one clause in warning, response, measures or support");
  return p;
}

} // namespace hg
