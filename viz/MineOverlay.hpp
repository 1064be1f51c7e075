#pragma once
/// @file
/// @brief Coal-mine overlay: the mine network as a schematic inset in a corner of the map (an
/// oblique view — east to the right, north up and to the right, depth down — so that shafts stand
/// vertical and the levels lie one under the other), with the airflow of every airway (width by flow,
/// an arrow along it, dashed where still), CO along it (colour), the miner groups where they are
/// (discs by state and size), refuge chambers, and the counts out / dead / underground / waiting for
/// an ambulance. A leader line joins the inset to the mine head on the map. Everything comes from the
/// log: mine.network (geometry), mine.ventilation (flows), mine.snapshot (CO and groups),
/// mine.summary (counts), mine.event and mine.water (blocked and flooded airways).
#include "sim/world/World.hpp"
#include "viz/Overlay.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace hg::viz {

class MineOverlay : public Overlay {
public:
  explicit MineOverlay(const World& world) : world_(&world) {}
  std::string name() const override { return "coal_mine"; }
  bool handles(const std::string& type) const override { return type.rfind("mine.", 0) == 0; }
  void reset() override;
  void apply(const Event& e) override;
  void draw(const DrawContext& ctx) const override;
  std::vector<LegendItem> legend() const override;
  bool active() const override { return !mines_.empty(); }

  /// The inset of the `k`-th mine in a corner of the map viewport (0 lower right, 1 upper right, 2 lower
  /// left above the scale bar, 3 upper left), stacked inwards for further mines.
  static sf::FloatRect inset_rect(sf::FloatRect viewport, int corner, size_t k = 0);
  /// The corner the insets go to: the one over the fewest places (zones and facilities) of the map at
  /// this projection, so that the labels drawn above overlays do not cover the inset.
  int inset_corner(const Projection& proj) const;
  /// Colour of an airway by its CO (ppm): green below the 24 ppm limit, yellow, orange from 400 ppm,
  /// red from 1,600 ppm (where people collapse within minutes).
  static sf::Color co_color(double co_ppm);
  /// Colour of a group of miners by state (working, escaping, in_refuge, incapacitated, dead, trapped).
  static sf::Color state_color(const std::string& state);
  /// Pixel of a junction of a mine in an inset rectangle (tests use it to probe the drawing).
  sf::Vector2f junction_pixel(const std::string& mine, const std::string& junction,
                              sf::FloatRect inset) const;

private:
  struct Junction {
    double x = 0, y = 0, z = 0;
    bool surface = false;
  };
  struct Branch {
    std::string id;
    int from = 0, to = 0;
    bool shaft = false, escape = false;
  };
  struct Group {
    std::string state;
    int count = 0;
    std::string at; ///< junction or branch id
    double s = 0;
  };
  struct Mine {
    std::string zh, en, head_node;
    std::vector<std::string> junction_ids;
    std::map<std::string, int> junction_index, branch_index;
    std::vector<Junction> junctions;
    std::vector<Branch> branches;
    std::vector<std::pair<int, int>> refuges; ///< junction, capacity
    std::vector<double> flow_m3_s, co_ppm;
    std::set<int> blocked, flooded;
    std::vector<Group> groups;
    int out = 0, dead = 0, underground = 0, waiting = 0;
    double box[4] = {0, 0, 1, 1}; ///< schematic bounds: min u, min v, max u, max v
  };
  /// The schematic position (u right, v up) of a junction.
  static sf::Vector2f schematic(const Junction& j);
  /// The part of an inset the schematic is drawn in.
  static sf::FloatRect inner_rect(sf::FloatRect inset);
  sf::Vector2f to_inset(const Mine& m, sf::Vector2f uv, sf::FloatRect inner) const;
  void draw_mine(const DrawContext& ctx, const std::string& id, const Mine& m, sf::FloatRect rect) const;

  const World* world_;
  std::map<std::string, Mine> mines_;
};

} // namespace hg::viz
