#pragma once
/// @file
/// @brief Fireline built cell by cell. Direct attack: two halves of the crew start at the rear of the
/// fire (the anchor) and work along the left and right flanks, putting line on the unburned cells that
/// touch the burned area, towards the head. Indirect attack: line along a planned route ahead of the fire
/// (4-connected cells, so that no move of the 16-neighbour stencil can cross it). Built line does not
/// burn. Length per step = personnel × production rate (ProductionRates.hpp) of the fuel being cut × dt.
#include "sim/hazards/fire/FireSpread.hpp"
#include "sim/hazards/fire/ProductionRates.hpp"

#include <optional>
#include <string>
#include <vector>

namespace hg::fire {

enum class AttackMode { kDirect, kIndirect };

/// @brief Cells of a polyline in map coordinates (metres, raster CRS), 4-connected, in order, without
/// repeats; parts outside the grid are dropped.
std::vector<size_t> rasterize_polyline(const FireGrid& g, const std::vector<std::pair<double, double>>& xy);

/// @brief What one work period did.
struct LineWork {
  size_t cells = 0;
  double metres = 0;
};

/// @brief One crew's line: its mode, crew type and progress. Direct attack: the two halves of the crew
/// walk the fire edge from a common anchor at the rear, each taking the 4-neighbour of its last cell that
/// touches the fire and lies furthest towards the head (wall following); when the fire has run past a
/// half's segment it moves to the next edge cell ahead of its progress.
class LineAssignment {
public:
  /// @brief `planned` is the route for indirect attack (ignored for direct). `origin` and
  /// `back_azimuth_deg` (the rear of the fire, where a direct attack anchors) define the flank order.
  LineAssignment(AttackMode mode, CrewType crew, std::vector<size_t> planned, Cell origin,
                 double back_azimuth_deg);
  /// @brief Builds line for `personnel` people during dt_s.
  LineWork work(FireSpread& fs, double personnel, double dt_s);
  AttackMode mode() const { return mode_; }
  CrewType crew() const { return crew_; }
  /// @brief The cell where the crew is working (last line cell built; the route start before that).
  std::optional<size_t> position() const { return position_; }
  double built_m() const { return built_m_; }
  /// @brief True when the planned route is finished (indirect) — direct attack never "finishes" by itself.
  bool finished() const { return mode_ == AttackMode::kIndirect && next_ >= planned_.size(); }

private:
  double flank_angle(const FireGrid& g, size_t idx, bool left) const;
  bool on_edge(const FireSpread& fs, size_t idx) const;
  std::optional<size_t> next_direct_cell(const FireSpread& fs, bool left) const;
  LineWork build_direct(FireSpread& fs, double personnel, double dt_s, bool left);

  AttackMode mode_;
  CrewType crew_;
  std::vector<size_t> planned_;
  size_t next_ = 0;
  Cell origin_;
  double back_azimuth_deg_;
  double carry_m_[2] = {0, 0};         ///< person-seconds not yet turned into line, per flank
  std::optional<size_t> anchor_;       ///< first direct-attack cell, at the rear
  std::optional<size_t> flank_pos_[2]; ///< where each half of the crew is (left, right)
  double progress_deg_[2] = {0, 0};    ///< furthest flank angle reached, 0 = rear, 180 = head
  double built_m_ = 0;
  std::optional<size_t> position_;
};

} // namespace hg::fire
