#include "sim/io/WorldLoader.hpp"

#include "sim/io/TextFormat.hpp"
#include "sim/io/YamlReader.hpp"

#include <cstdio>
#include <map>
#include <set>

namespace hg {

namespace {

const std::vector<std::string> kRoadClasses = {"motorway", "trunk",  "primary", "secondary", "tertiary",
                                               "urban",    "forest", "access",  "ferry"};
const std::vector<std::string> kFacilityKinds = {
    "hospital",    "fire_station",    "mine_rescue",  "depot",       "shelter",   "hazard_site",      "gauge",
    "forest_farm", "forestry_bureau", "command_post", "entry_point", "reservoir", "ambulance_station"};
const std::vector<std::string> kPostLevels = {"district", "county", "city", "province", "national"};

bool one_of(const std::string& v, const std::vector<std::string>& allowed) {
  return std::find(allowed.begin(), allowed.end(), v) != allowed.end();
}

std::string list(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v)
    s += (s.empty() ? "" : "|") + x;
  return s;
}

/// Deferred reference: checked once every file is read, so the order of includes does not matter.
struct Ref {
  YamlCursor where;
  std::string id;
  std::string what; ///< "node", "facility", "district", "network", "post"
  size_t* slot;     ///< where to store the index (may be null)
};

class Loader {
public:
  Loader(World& w, Diagnostics& d) : w_(w), d_(d) {}

  void map_file(const std::string& path, bool manifest) {
    if (!loaded_.insert(path).second) {
      d_.error(path, 0, 0, "include", "file is included more than once (include cycle?)");
      return;
    }
    auto f = YamlFile::load(path, d_);
    if (!f) return;
    YamlCursor r = f->root();
    if (manifest) {
      if (!f->expect_kind("map")) return;
      r.only_keys({"hgdrill", "id", "name", "boundaries", "rivers", "include", "src", "road_classes", "nodes",
                   "roads", "districts", "zones", "facilities"});
      w_.id = r.id();
      auto [zh, en] = r.names();
      w_.name = {zh, en};
      if (r.has("boundaries")) w_.boundaries_file = resolve_path(path, r.str("boundaries"));
      if (r.has("rivers")) w_.rivers_file = resolve_path(path, r.str("rivers"));
    } else {
      r.only_keys({"hgdrill", "src", "road_classes", "nodes", "roads", "districts", "zones", "facilities"});
    }
    sections(r);
    if (manifest)
      for (const auto& inc : r.strs("include"))
        map_file(resolve_path(path, inc), false);
  }

  void sections(const YamlCursor& r) {
    for (auto& c : r.seq("road_classes"))
      road_class(c);
    for (auto& c : r.seq("nodes"))
      node(c);
    for (auto& c : r.seq("roads"))
      roads_.push_back(c);
    for (auto& c : r.seq("districts"))
      district(c);
    for (auto& c : r.seq("zones"))
      zones_.push_back(c);
    for (auto& c : r.seq("facilities"))
      facilities_.push_back(c);
  }

  void road_class(const YamlCursor& c) {
    c.only_keys({"class", "speed_kmh", "flood_closure_depth_m", "src", "note"});
    c.require_src();
    RoadClass rc;
    rc.cls = c.str("class");
    if (!rc.cls.empty() && !one_of(rc.cls, kRoadClasses))
      c["class"].error("expected one of " + list(kRoadClasses) + " (got \"" + rc.cls + "\")");
    rc.speed_kmh = c.num("speed_kmh", Range::positive());
    rc.flood_closure_depth_m = c.opt_num("flood_closure_depth_m", 0.3, Range::positive());
    w_.road_classes.push_back(rc);
  }

  bool unique(const YamlCursor& c, const std::string& id) {
    if (id.empty()) return false;
    if (!ids_.insert(id).second) {
      c["id"].error("duplicate id \"" + id + "\"");
      return false;
    }
    return true;
  }

  void node(const YamlCursor& c) {
    c.only_keys({"id", "zh", "en", "lat", "lon", "ground_elev_m", "quality", "outside", "src", "note"});
    c.require_src();
    RoadNode n;
    n.id = c.id();
    n.name = {c.opt_str("zh"), c.opt_str("en")};
    n.pos = {c.num("lat", Range::closed(-90, 90)), c.num("lon", Range::closed(-180, 180))};
    if (c.has("ground_elev_m")) n.ground_elev_m = c.num("ground_elev_m", Range::closed(-500, 9000));
    n.quality = c.opt_str("quality", "estimated");
    n.outside = c.opt_bool("outside", false);
    if (unique(c, n.id)) w_.nodes.push_back(n);
  }

  void district(const YamlCursor& c) {
    c.only_keys({"id", "adcode", "zh", "en", "population_2020", "area_km2", "src", "note"});
    c.require_src();
    District d;
    d.id = c.id();
    d.adcode = int(c.opt_num("adcode", 0));
    d.name = {c.opt_str("zh"), c.opt_str("en")};
    d.population_2020 = c.num("population_2020", Range::non_negative());
    if (unique(c, d.id)) w_.districts.push_back(d);
  }

  std::optional<size_t> node_ref(const YamlCursor& c, const std::string& key) {
    std::string id = c.str(key);
    if (id.empty()) return std::nullopt;
    auto it = w_.node_index.find(id);
    if (it == w_.node_index.end()) {
      c[key].error("unknown road node \"" + id + "\"");
      return std::nullopt;
    }
    return it->second;
  }

  void finish_roads() {
    for (const auto& c : roads_) {
      c.only_keys({"id", "from", "to", "zh", "en", "class", "length_km", "speed_kmh", "bridge", "oneway",
                   "zone", "crest_elev_m", "src", "note", "ref"});
      c.require_src();
      Road r;
      r.id = c.id();
      auto from = node_ref(c, "from"), to = node_ref(c, "to");
      r.name = {c.opt_str("zh"), c.opt_str("en")};
      r.cls = c.str("class");
      const RoadClass* rc = w_.road_class(r.cls);
      if (!r.cls.empty() && !rc)
        c["class"].error("unknown road class \"" + r.cls + "\" (declare it in road_classes)");
      r.length_km = c.num("length_km", Range::positive());
      r.speed_kmh = c.opt_num("speed_kmh", rc ? rc->speed_kmh : 40, Range::positive());
      r.bridge = c.opt_bool("bridge", false);
      r.oneway = c.opt_bool("oneway", false);
      r.zone = c.opt_str("zone");
      if (c.has("crest_elev_m")) r.crest_elev_m = c.num("crest_elev_m", Range::closed(-500, 9000));
      if (from && to && *from == *to) c["to"].error("a road must join two different nodes");
      if (from && to && unique(c, r.id)) {
        r.from = *from;
        r.to = *to;
        if (r.length_km > 0) {
          const double gc = great_circle_km(w_.nodes[r.from].pos, w_.nodes[r.to].pos);
          if (r.length_km + 1e-6 < gc)
            c["length_km"].error("road is shorter than the great-circle distance between its ends (" +
                                 fixed(gc, 2) + " km)");
        }
        w_.roads.push_back(r);
        zone_refs_.push_back({c["zone"], r.zone, "zone", nullptr});
      }
    }
  }

  void finish_zones() {
    for (const auto& c : zones_) {
      c.only_keys(
          {"id", "zh", "en", "district", "node", "kind", "population", "src", "note", "lat", "lon", "code"});
      c.require_src();
      Zone z;
      z.id = c.id();
      z.name = {c.opt_str("zh"), c.opt_str("en")};
      z.district = c.str("district");
      if (!z.district.empty() && !w_.district_index.count(z.district))
        c["district"].error("unknown district \"" + z.district + "\"");
      auto n = node_ref(c, "node");
      std::string kind = c.opt_str("kind", "urban");
      if (kind == "urban")
        z.kind = ZoneKind::kUrban;
      else if (kind == "rural")
        z.kind = ZoneKind::kRural;
      else if (kind == "forest")
        z.kind = ZoneKind::kForest;
      else
        c["kind"].error("expected urban|rural|forest (got \"" + kind + "\")");
      z.population = c.num("population", Range::non_negative());
      if (n && unique(c, z.id)) {
        z.node = *n;
        w_.zones.push_back(z);
      }
    }
  }

  void finish_facilities() {
    for (const auto& c : facilities_) {
      c.only_keys({"id",          "kind",
                   "zh",          "en",
                   "node",        "lat",
                   "lon",         "quality",
                   "beds",        "capacity_people",
                   "stocks",      "material_classes",
                   "hazard",      "warning_m",
                   "guarantee_m", "src",
                   "note",        "address",
                   "river",       "bed_elev_m",
                   "outside"});
      c.require_src();
      Facility f;
      f.id = c.id();
      f.kind = c.str("kind");
      if (!f.kind.empty() && !one_of(f.kind, kFacilityKinds))
        c["kind"].error("expected one of " + list(kFacilityKinds) + " (got \"" + f.kind + "\")");
      f.name = {c.opt_str("zh"), c.opt_str("en")};
      auto n = node_ref(c, "node");
      f.pos = {c.num("lat", Range::closed(-90, 90)), c.num("lon", Range::closed(-180, 180))};
      f.quality = c.opt_str("quality", "estimated");
      f.beds = c.opt_num("beds", 0, Range::non_negative());
      f.capacity_people = c.opt_num("capacity_people", 0, Range::non_negative());
      if (c.has("stocks")) {
        YamlCursor s = c["stocks"];
        if (!s.is_map())
          s.error("expected a mapping of stock name to amount");
        else
          for (auto it = s.node().begin(); it != s.node().end(); ++it) {
            const std::string k = it->first.as<std::string>("");
            f.stocks[k] = s.num(k, Range::non_negative());
          }
      }
      f.material_classes = c.strs("material_classes");
      f.hazard = c.opt_str("hazard");
      if (c.has("warning_m")) f.warning_m = c.num("warning_m");
      if (c.has("guarantee_m")) f.guarantee_m = c.num("guarantee_m");
      if (f.warning_m && f.guarantee_m && *f.guarantee_m < *f.warning_m)
        c["guarantee_m"].error("guarantee level must not be below the warning level");
      if (n && unique(c, f.id)) {
        f.node = *n;
        if (great_circle_km(f.pos, w_.nodes[f.node].pos) > 5.0)
          c["node"].warning("facility is " +
                            std::to_string(int(great_circle_km(f.pos, w_.nodes[f.node].pos))) +
                            " km from its road node \"" + w_.nodes[f.node].id + "\"");
        w_.facilities.push_back(f);
      }
    }
  }

  void resources_file(const std::string& path) {
    auto f = YamlFile::load(path, d_);
    if (!f || !f->expect_kind("resources")) return;
    YamlCursor r = f->root();
    r.only_keys({"hgdrill", "src", "units", "note"});
    for (auto& c : r.seq("units", true)) {
      c.only_keys({"id", "zh", "en", "type", "agency", "base", "capabilities", "personnel", "vehicles",
                   "speed_factor", "turnout_min", "network", "available", "src", "note", "group_of"});
      c.require_src();
      Unit u;
      u.id = c.id();
      u.name = {c.opt_str("zh"), c.opt_str("en")};
      u.type = c.str("type");
      u.agency = c.opt_str("agency");
      std::string base = c.str("base");
      auto it = w_.facility_index.find(base);
      if (!base.empty() && it == w_.facility_index.end())
        c["base"].error("unknown facility \"" + base + "\"");
      else if (it != w_.facility_index.end())
        u.base = it->second;
      u.capabilities = c.strs("capabilities");
      u.personnel = int(c.num("personnel", Range::non_negative()));
      u.vehicles = int(c.opt_num("vehicles", 1, Range::non_negative()));
      u.speed_factor = c.opt_num("speed_factor", 1.0, {0, 3, true});
      u.turnout_s = c.opt_num("turnout_min", 2, Range::non_negative()) * 60;
      u.network = c.opt_str("network");
      u.available = c.opt_bool("available", true);
      net_refs_.push_back({c["network"], u.network, "network", nullptr});
      if (unique(c, u.id)) w_.units.push_back(u);
    }
  }

  void comms_file(const std::string& path) {
    auto f = YamlFile::load(path, d_);
    if (!f || !f->expect_kind("comms")) return;
    YamlCursor r = f->root();
    r.only_keys({"hgdrill", "src", "networks", "posts", "warning_channels", "note"});
    for (auto& c : r.seq("networks", true)) {
      c.only_keys({"id", "kind", "zh", "en", "bandwidth_bps", "latency_s", "src", "note"});
      c.require_src();
      Network n;
      n.id = c.id();
      n.kind = c.opt_str("kind", "radio");
      n.name = {c.opt_str("zh"), c.opt_str("en")};
      n.bandwidth_bps = c.num("bandwidth_bps", Range::positive());
      n.latency_s = c.num("latency_s", Range::non_negative());
      if (unique(c, n.id)) w_.networks.push_back(n);
    }
    w_.build_indexes();
    for (auto& c : r.seq("posts", true)) {
      c.only_keys({"id", "level", "zh", "en", "node", "network", "parent", "relay_delay_min", "src", "note",
                   "facility"});
      c.require_src();
      Post p;
      p.id = c.id();
      p.level = c.str("level");
      if (!p.level.empty() && !one_of(p.level, kPostLevels))
        c["level"].error("expected one of " + list(kPostLevels) + " (got \"" + p.level + "\")");
      p.name = {c.opt_str("zh"), c.opt_str("en")};
      auto n = node_ref(c, "node");
      p.network = c.str("network");
      net_refs_.push_back({c["network"], p.network, "network", nullptr});
      p.parent = c.opt_str("parent");
      p.relay_delay_s = c.opt_num("relay_delay_min", 10, Range::non_negative()) * 60;
      if (!p.parent.empty()) {
        post_refs_.push_back({c["parent"], p.parent, "post", nullptr});
        parent_at_.emplace(p.id, c["parent"]);
      }
      if (n && unique(c, p.id)) {
        p.node = *n;
        w_.posts.push_back(p);
      }
    }
    for (auto& c : r.seq("warning_channels")) {
      c.only_keys({"id", "zh", "en", "coverage_urban", "coverage_rural", "delay_min", "src", "note"});
      c.require_src();
      WarningChannel ch;
      ch.id = c.id();
      ch.name = {c.opt_str("zh"), c.opt_str("en")};
      ch.coverage_urban = c.num("coverage_urban", Range::closed(0, 1));
      ch.coverage_rural = c.num("coverage_rural", Range::closed(0, 1));
      ch.delay_s = c.num("delay_min", Range::non_negative()) * 60;
      if (unique(c, ch.id)) w_.channels.push_back(ch);
    }
  }

  void check_refs() {
    w_.build_indexes();
    for (auto& r : zone_refs_)
      if (!r.id.empty() && !w_.zone_index.count(r.id)) r.where.error("unknown zone \"" + r.id + "\"");
    if (!w_.networks.empty())
      for (auto& r : net_refs_)
        if (!r.id.empty() && !w_.network_index.count(r.id)) r.where.error("unknown network \"" + r.id + "\"");
    for (auto& r : post_refs_)
      if (!w_.post_index.count(r.id)) r.where.error("unknown post \"" + r.id + "\"");
    check_parent_cycles();
  }

  /// Reports go up the parent links; a post that is its own ancestor would pass reports round
  /// for ever. Each cycle is reported once, at the parent field of its first post in the file.
  void check_parent_cycles() {
    std::map<std::string, std::string> parent;
    for (const auto& p : w_.posts)
      if (!p.parent.empty()) parent[p.id] = p.parent;
    std::set<std::string> reported;
    for (const auto& p : w_.posts) {
      if (reported.count(p.id)) continue;
      std::vector<std::string> chain;
      std::set<std::string> seen;
      for (std::string at = p.id; !at.empty() && seen.insert(at).second;) {
        chain.push_back(at);
        auto it = parent.find(at);
        at = it == parent.end() ? "" : it->second;
        if (at == p.id) {
          std::string text;
          for (const auto& id : chain) {
            reported.insert(id);
            text += id + " → ";
          }
          auto where = parent_at_.find(p.id);
          if (where != parent_at_.end())
            where->second.error("command posts form a cycle of parents: " + text + p.id +
                                " (a post cannot be its own superior)");
          break;
        }
      }
    }
  }

  void finish_map() {
    w_.build_indexes();
    finish_roads();
    finish_zones();
    finish_facilities();
    w_.build_indexes();
  }

private:
  World& w_;
  Diagnostics& d_;
  std::set<std::string> ids_;
  std::set<std::string> loaded_;
  std::vector<YamlCursor> roads_, zones_, facilities_;
  std::vector<Ref> zone_refs_, net_refs_, post_refs_;
  std::map<std::string, YamlCursor> parent_at_; ///< post id -> its `parent` field
};

} // namespace

World load_world(const WorldFiles& files, Diagnostics& diag) {
  World w;
  Loader l(w, diag);
  l.map_file(files.map, true);
  l.finish_map();
  if (!files.comms.empty()) l.comms_file(files.comms);
  if (!files.resources.empty()) l.resources_file(files.resources);
  l.check_refs();
  return w;
}

} // namespace hg
