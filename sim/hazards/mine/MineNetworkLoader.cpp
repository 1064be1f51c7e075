/// @file
/// @brief The mine/1 reader. Junctions may be left out in the minimal form (they are then the ids that
/// branches name, at elevation 0); when `junctions:` is given, every id a branch names must be listed.
#include "sim/hazards/mine/MineNetworkLoader.hpp"

#include "sim/hazards/mine/Atkinson.hpp"

#include <cmath>
#include <set>
#include <stdexcept>

namespace hg::mine {

namespace {

void maybe_src(const YamlCursor& c, const NetworkLoadOptions& opt) {
  if (opt.require_src) c.require_src();
}

int junction_ref(MineNetwork& net, const YamlCursor& c, const std::string& key, bool declared) {
  const std::string id = c.str(key);
  if (id.empty()) return -1;
  int j = net.junction_index(id);
  if (j >= 0) return j;
  if (declared) {
    c[key].error("unknown junction \"" + id + "\" (not in junctions:)");
    return -1;
  }
  net.junctions.push_back({id});
  return int(net.junctions.size()) - 1;
}

int branch_ref(const MineNetwork& net, const YamlCursor& c, const std::string& key) {
  const std::string id = c.str(key);
  if (id.empty()) return -1;
  const int b = net.branch_index(id);
  if (b < 0) c[key].error("unknown branch \"" + id + "\"");
  return b;
}

template <class T> void unique_id(std::set<std::string>& seen, const YamlCursor& c, const std::string& id) {
  if (!id.empty() && !seen.insert(id).second) c["id"].error("duplicate id \"" + id + "\"");
}

FanCurve read_curve(const YamlCursor& c) {
  YamlCursor cv = c["curve"];
  if (!c.has("curve") || !cv.is_seq()) {
    cv.error("expected a list of [Q_m3_s, P_pa] points");
    return {};
  }
  std::vector<FanPoint> pts;
  for (size_t i = 0; i < cv.size(); ++i) {
    YamlCursor p = cv.at(i);
    double q = 0, pa = 0;
    if (!p.is_seq() || p.size() != 2 || !YAML::convert<double>::decode(p.node()[0], q) ||
        !YAML::convert<double>::decode(p.node()[1], pa) || !std::isfinite(q) || !std::isfinite(pa)) {
      p.error("expected [Q_m3_s, P_pa]");
      return {};
    }
    if (q < 0) {
      p.error("expected a quantity >= 0 m3/s (got " + std::to_string(q) + ")");
      return {};
    }
    if (!pts.empty() && q <= pts.back().q_m3_s) {
      p.error("fan curve quantities must increase from point to point");
      return {};
    }
    pts.push_back({q, pa});
  }
  if (pts.size() < 2) {
    cv.error("expected at least two [Q_m3_s, P_pa] points");
    return {};
  }
  return FanCurve(pts);
}

} // namespace

MineNetwork load_mine_network(const YamlCursor& r, const NetworkLoadOptions& opt) {
  MineNetwork net;
  net.file = r.file();
  r.only_keys({"hgdrill",
               "id",
               "zh",
               "en",
               "name",
               "src",
               "note",
               "datum_elevation_m",
               "natural_ventilation",
               "surface_air_density_kg_m3",
               "junctions",
               "branches",
               "fans",
               "doors",
               "regulators",
               "boundary",
               "faces",
               "refuges",
               "self_rescuer_stations",
               "sensors"});
  if (r.has("hgdrill")) {
    const std::string h = r.str("hgdrill");
    if (h != "mine/1") r["hgdrill"].error("expected 'mine/1' (got \"" + h + "\")");
  }
  net.id = r.has("id") ? r.id() : "mine";
  net.zh = r.opt_str("zh");
  net.en = r.opt_str("en");
  maybe_src(r, opt);
  const double datum = r.opt_num("datum_elevation_m", 0);
  net.natural_ventilation = r.opt_bool("natural_ventilation", false);
  net.surface_air_density_kg_m3 = r.opt_num("surface_air_density_kg_m3", 1.2, Range::closed(0.5, 2.0));

  std::set<std::string> ids;
  const bool declared = r.has("junctions");
  for (auto& c : r.seq("junctions")) {
    c.only_keys({"id", "z_m", "depth_m", "x_m", "y_m", "surface", "zh", "en", "src", "note"});
    maybe_src(c, opt);
    Junction j;
    j.id = c.str("id");
    unique_id<Junction>(ids, c, j.id);
    if (c.has("z_m") && c.has("depth_m")) c.error("give z_m or depth_m, not both");
    j.z_m = c.has("depth_m") ? datum - c.num("depth_m") : c.opt_num("z_m", 0);
    j.x_m = c.opt_num("x_m", 0);
    j.y_m = c.opt_num("y_m", 0);
    j.surface = c.opt_bool("surface", false);
    net.junctions.push_back(j);
  }

  ids.clear();
  for (auto& c : r.seq("branches", true)) {
    c.only_keys({"id", "from", "to", "resistance_ns2_m8", "k_kg_m3", "length_m", "perimeter_m", "area_m2",
                 "shock_length_m", "height_m", "kind", "travel", "escape", "hoist_min", "density_kg_m3", "zh",
                 "en", "src", "note"});
    maybe_src(c, opt);
    Branch b;
    b.id = c.str("id");
    unique_id<Branch>(ids, c, b.id);
    b.from = junction_ref(net, c, "from", declared);
    b.to = junction_ref(net, c, "to", declared);
    if (b.from >= 0 && b.from == b.to) c["to"].error("a branch must join two different junctions");
    b.length_m = c.opt_num("length_m", 0, Range::positive());
    b.area_m2 = c.opt_num("area_m2", 0, Range::positive());
    b.height_m = c.opt_num("height_m", b.area_m2 > 0 ? std::sqrt(b.area_m2) : 0, Range::positive());
    b.density_kg_m3 = c.opt_num("density_kg_m3", 1.2, Range::closed(0.5, 2.0));
    if (c.has("resistance_ns2_m8") && c.has("k_kg_m3"))
      c.error("give resistance_ns2_m8 or k_kg_m3 (Atkinson friction factor), not both");
    if (c.has("k_kg_m3")) {
      const double k = c.num("k_kg_m3", Range::positive());
      const double per = c.num("perimeter_m", Range::positive());
      if (!c.has("length_m")) c["length_m"].error("missing required field (Atkinson's R needs the length)");
      if (!c.has("area_m2"))
        c["area_m2"].error("missing required field (Atkinson's R needs the cross-section)");
      const double shock = c.opt_num("shock_length_m", 0, Range::non_negative());
      if (k > 0 && per > 0 && b.length_m > 0 && b.area_m2 > 0)
        b.r_ns2_m8 = atkinson_resistance(k, b.length_m, per, b.area_m2, shock, b.density_kg_m3);
    } else {
      b.r_ns2_m8 = c.num("resistance_ns2_m8", Range::positive());
    }
    const std::string kind = c.opt_str("kind", "airway");
    if (kind == "shaft")
      b.kind = BranchKind::kShaft;
    else if (kind != "airway")
      c["kind"].error("expected airway or shaft (got \"" + kind + "\")");
    b.travel = c.opt_bool("travel", true);
    b.escape = c.opt_bool("escape", false);
    b.hoist_s = c.opt_num("hoist_min", 0, Range::non_negative()) * 60;
    if (opt.for_model) {
      if (!c.has("length_m"))
        c["length_m"].error("missing required field (the mine model needs every length)");
      if (!c.has("area_m2"))
        c["area_m2"].error("missing required field (the mine model needs every cross-section)");
    }
    if (b.escape && b.from >= 0 && b.to >= 0 && !net.junctions[size_t(b.from)].surface &&
        !net.junctions[size_t(b.to)].surface)
      c["escape"].error("an escape branch must end at a surface junction (surface: true)");
    net.branches.push_back(b);
  }

  ids.clear();
  for (auto& c : r.seq("fans")) {
    c.only_keys({"id", "branch", "curve", "state", "reverse_pressure_factor", "zh", "en", "src", "note"});
    maybe_src(c, opt);
    Fan f;
    f.id = c.has("id") ? c.str("id") : "fan_" + std::to_string(net.fans.size() + 1);
    unique_id<Fan>(ids, c, f.id);
    f.branch = branch_ref(net, c, "branch");
    f.curve = read_curve(c);
    const std::string st = c.opt_str("state", "running");
    if (st == "stopped")
      f.state = FanState::kStopped;
    else if (st == "reversed")
      f.state = FanState::kReversed;
    else if (st != "running")
      c["state"].error("expected running, stopped or reversed (got \"" + st + "\")");
    f.reverse_pressure_factor = c.opt_num("reverse_pressure_factor", 0.16, Range::closed(0, 1));
    for (const auto& g : net.fans)
      if (f.branch >= 0 && g.branch == f.branch) c["branch"].error("another fan is already on this branch");
    net.fans.push_back(std::move(f));
  }
  ids.clear();
  for (auto& c : r.seq("doors")) {
    c.only_keys({"id", "branch", "resistance_ns2_m8", "open", "zh", "en", "src", "note"});
    maybe_src(c, opt);
    Door d;
    d.id = c.id();
    unique_id<Door>(ids, c, d.id);
    d.branch = branch_ref(net, c, "branch");
    d.r_closed_ns2_m8 = c.num("resistance_ns2_m8", Range::positive());
    d.open = c.opt_bool("open", false);
    net.doors.push_back(d);
  }
  ids.clear();
  for (auto& c : r.seq("regulators")) {
    c.only_keys({"id", "branch", "resistance_ns2_m8", "zh", "en", "src", "note"});
    maybe_src(c, opt);
    Regulator g;
    g.id = c.id();
    unique_id<Regulator>(ids, c, g.id);
    g.branch = branch_ref(net, c, "branch");
    g.r_ns2_m8 = c.num("resistance_ns2_m8", Range::positive());
    net.regulators.push_back(g);
  }
  if (r.has("boundary")) {
    YamlCursor c = r["boundary"];
    c.only_keys({"source", "sink", "flow_m3_s", "src", "note"});
    maybe_src(c, opt);
    Boundary bd;
    const std::string src = c.str("source"), snk = c.str("sink");
    bd.source = net.junction_index(src);
    bd.sink = net.junction_index(snk);
    if (!src.empty() && bd.source < 0) c["source"].error("unknown junction \"" + src + "\"");
    if (!snk.empty() && bd.sink < 0) c["sink"].error("unknown junction \"" + snk + "\"");
    if (bd.source >= 0 && bd.source == bd.sink) c["sink"].error("source and sink must differ");
    bd.flow_m3_s = c.num("flow_m3_s", Range::positive());
    net.boundary = bd;
  }
  if (!net.boundary && net.fans.empty() && !net.natural_ventilation)
    r.error("nothing drives the air: give a boundary {source, sink, flow_m3_s}, fans, or "
            "natural_ventilation: true");

  auto junction_at = [&](const YamlCursor& c) {
    const std::string id = c.str("junction");
    const int j = net.junction_index(id);
    if (!id.empty() && j < 0) c["junction"].error("unknown junction \"" + id + "\"");
    return j;
  };
  ids.clear();
  for (auto& c : r.seq("faces")) {
    c.only_keys({"id", "junction", "zh", "en", "crews", "src", "note"});
    maybe_src(c, opt);
    Face f;
    f.id = c.id();
    unique_id<Face>(ids, c, f.id);
    f.zh = c.opt_str("zh");
    f.en = c.opt_str("en");
    f.junction = junction_at(c);
    YamlCursor cr = c["crews"];
    if (!c.has("crews") || !cr.is_map()) {
      cr.error("expected crews by shift, e.g. {night: 40, day: 60}");
    } else {
      for (auto it = cr.node().begin(); it != cr.node().end(); ++it) {
        const std::string shift = it->first.as<std::string>("");
        const double n = cr.num(shift, Range::closed(0, 10000));
        if (n != std::floor(n)) cr[shift].error("expected a whole number of miners");
        f.crews.push_back({shift, int(n)});
      }
    }
    net.faces.push_back(f);
  }
  ids.clear();
  for (auto& c : r.seq("refuges")) {
    c.only_keys({"id", "junction", "capacity", "duration_h", "zh", "en", "src", "note"});
    maybe_src(c, opt);
    Refuge g;
    g.id = c.id();
    unique_id<Refuge>(ids, c, g.id);
    g.junction = junction_at(c);
    g.capacity = int(c.num("capacity", Range::closed(1, 10000)));
    g.duration_h = c.opt_num("duration_h", 96, Range::positive());
    net.refuges.push_back(g);
  }
  ids.clear();
  for (auto& c : r.seq("self_rescuer_stations")) {
    c.only_keys({"id", "junction", "units", "zh", "en", "src", "note"});
    maybe_src(c, opt);
    RescuerStation s;
    s.id = c.id();
    unique_id<RescuerStation>(ids, c, s.id);
    s.junction = junction_at(c);
    s.units = int(c.num("units", Range::closed(0, 100000)));
    net.stations.push_back(s);
  }
  ids.clear();
  for (auto& c : r.seq("sensors")) {
    c.only_keys({"id", "junction", "zh", "en", "src", "note"});
    Sensor s;
    s.id = c.id();
    unique_id<Sensor>(ids, c, s.id);
    s.junction = junction_at(c);
    net.sensors.push_back(s);
  }
  return net;
}

std::optional<MineNetwork> load_mine_network_file(const std::string& path, Diagnostics& diag,
                                                  const NetworkLoadOptions& opt) {
  const size_t before = diag.error_count();
  auto f = YamlFile::load(path, diag);
  if (!f) return std::nullopt;
  MineNetwork net = load_mine_network(f->root(), opt);
  if (diag.error_count() != before) return std::nullopt;
  return net;
}

} // namespace hg::mine
