#pragma once
/// @file
/// @brief The KPI side panel, fed from RUN_DIR/scores.json (docs/scoring.md): every entry of its
/// "kpis" array as name, value, target and score; the overall score when present.
#include "viz/DrawContext.hpp"

#include <nlohmann/json.hpp>

namespace hg::viz {

class KpiPanel {
public:
  /// Draws into `area`; returns the height used.
  float draw(const DrawContext& ctx, sf::FloatRect area, const nlohmann::json& scores) const;
  /// Text of a JSON value for the panel ("—" for null, numbers with up to 3 decimals).
  static std::string format(const nlohmann::json& v);
};

} // namespace hg::viz
