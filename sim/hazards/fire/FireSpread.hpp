#pragma once
/// @file
/// @brief Fire growth over a FireGrid by minimum travel time (a Dijkstra front, as in FARSITE/FlamMap's
/// MTT, Finney 2002): every burnable cell has a Rothermel elliptical spread rate for the current weather;
/// the time to cross from one cell centre to a neighbour is the distance times the mean of 1/R(direction)
/// over the cells the segment crosses. The stencil has 16 neighbours (orthogonal, diagonal and the 8
/// "knight" moves), which bounds the angular distortion of the 8-neighbour stencil (up to 8 %) to about 2.7 %
/// on the circle (docs/models/fire.md).
///
/// The model advances incrementally: advance_to(t) ignites every cell whose arrival time is ≤ t under the
/// weather that holds now. When the weather changes, each front edge keeps the fraction of its length
/// already crossed and does the rest at the new rate. Built fireline and non-burnable cells block spread;
/// a diagonal move is blocked if both cells beside it are blocked, a knight move if either crossed cell is.
#include "sim/hazards/fire/FireGrid.hpp"
#include "sim/hazards/fire/Rothermel.hpp"

#include <cstdint>
#include <limits>
#include <queue>
#include <vector>

namespace hg::fire {

/// @brief Weather and fuel state that holds from now on.
struct SpreadConditions {
  double midflame_wind_m_s = 0;
  double wind_from_deg = 0; ///< meteorological: where the wind comes from (the fire is pushed the other way)
  FuelMoisture moisture;    ///< dead 1/10/100-h used as is unless dead_by_time_of_day
  bool dead_by_time_of_day = false; ///< 1-h moisture per cell from Rothermel (1983) tables
  double temp_c = 15;
  double rh_pct = 40;
  int month = 4;
  double hour = 14;
  int farmland_fuel = 0; ///< fuel model burning in code-93 cells this season (0: farmland does not burn)
  bool apply_wind_limit = false;
  bool operator==(const SpreadConditions& o) const;
};

inline constexpr double kNever = std::numeric_limits<double>::infinity();

class FireSpread {
public:
  explicit FireSpread(FireGrid grid);

  const FireGrid& grid() const { return grid_; }
  /// @brief Weather from time t_s on (a change re-times the front, see the file comment).
  void set_conditions(double t_s, const SpreadConditions& c);
  const SpreadConditions& conditions() const { return cond_; }
  /// @brief Sets a cell burning at t_s (an ignition or a spot fire). False if it cannot burn.
  bool ignite(Cell c, double t_s);
  /// @brief Burns every cell whose arrival time is ≤ t_s. Returns the number of newly burned cells.
  size_t advance_to(double t_s);
  double now_s() const { return now_s_; }

  /// @brief Arrival time of a burned cell, kNever otherwise.
  double arrival_s(size_t idx) const { return arrival_[idx]; }
  /// @brief Current estimate of when the front reaches an unburned cell next to it (kNever if none).
  double tentative_s(size_t idx) const { return tentative_[idx]; }
  bool burned(size_t idx) const { return arrival_[idx] < kNever; }
  bool blocked(size_t idx) const { return line_[idx] || !burnable_fuel(idx); }
  bool is_line(size_t idx) const { return line_[idx]; }
  /// @brief Turns a cell into fireline (non-burnable). False if it is already burned or outside.
  bool build_line(size_t idx);
  /// @brief Marks a cell non-burnable (rasterised roads, rivers); same as a line but not counted as one.
  void block(size_t idx);

  size_t burned_cells() const { return burned_count_; }
  double burned_area_ha() const;
  /// @brief Burned cells with an unburned, burnable 4-neighbour: the active front.
  std::vector<size_t> front_cells() const;
  /// @brief Length of the burned/unburned boundary (4-neighbour edges × cell size), m.
  double perimeter_m() const;
  /// @brief Part of that boundary still able to spread (edges to burnable unburned cells), m.
  double active_front_m() const;
  /// @brief True once something burned and no unburned cell can be reached any more (burned out).
  bool burned_out() const;
  /// @brief True when the perimeter is closed: no path of the stencil through unblocked cells leads from
  /// the fire to the edge of the raster (line and non-burnable cells close it; the fire may still be
  /// burning inside). False before ignition.
  bool contained() const;
  /// @brief Number of fireline cells built.
  size_t line_cells() const { return line_count_; }

  /// @brief The surface fire of a cell under the current conditions (head ROS, direction, eccentricity).
  struct CellFire {
    double ros_m_min = 0;
    double dir_azimuth_deg = 0;
    double eccentricity = 0;
    double flame_length_m = 0;
    double fireline_intensity_kw_m = 0;
    double dir_cos = 1; ///< cos and sin of the spread azimuth (for R(ψ) without trigonometry per move)
    double dir_sin = 0;
  };
  CellFire cell_fire(size_t idx) const;
  /// @brief Arrival times if the current conditions held until t_end_s (a copy runs ahead; this one is
  /// untouched).
  std::vector<double> projected_arrival(double t_end_s) const;
  /// @brief Bounding box (col0, row0, col1, row1) of burned cells; empty if none.
  bool burned_bbox(int& c0, int& r0, int& c1, int& r1) const;

private:
  struct Move {
    int dc, dr;
    double dist_cells;
    int mid_count;
    int m1c, m1r, m2c, m2r; ///< crossed cells (knight) or side cells (diagonal)
    double az_cos, az_sin;  ///< azimuth of the move
  };
  struct Entry {
    double t;
    uint32_t idx;
    bool operator>(const Entry& o) const { return t > o.t || (t == o.t && idx > o.idx); }
  };
  bool burnable_fuel(size_t idx) const;
  const CellFire& fire_of(size_t idx) const;
  double rate_m_s(size_t idx, const Move& m) const;
  double travel_s(size_t from, const Move& m) const;
  bool passable(size_t from, const Move& m) const;
  void relax(size_t idx, double t);
  void retime_around(size_t idx);

  FireGrid grid_;
  SpreadConditions cond_;
  std::vector<Move> moves_;
  std::vector<double> arrival_;
  std::vector<double> tentative_;
  std::vector<uint8_t> line_;
  std::vector<uint8_t> extra_block_;
  mutable std::vector<CellFire> fire_cache_;
  mutable std::vector<uint32_t> fire_epoch_;
  uint32_t epoch_ = 1;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> heap_;
  double now_s_ = 0;
  size_t burned_count_ = 0;
  size_t line_count_ = 0;
  int bb_c0_ = 0, bb_r0_ = 0, bb_c1_ = -1, bb_r1_ = -1;
};

} // namespace hg::fire
