#pragma once
/// @file
/// @brief The interactive viewer window: the map (zoom with the wheel, pan by dragging), layer
/// toggles and legend, units and hazard overlays at the clock time, the timeline scrubber, the
/// event feed and the KPI panel. Optional scripted input (ViewerScript) for tests and demos.
#include "viz/EventFeed.hpp"
#include "viz/KpiPanel.hpp"
#include "viz/Layers.hpp"
#include "viz/MapChrome.hpp"
#include "viz/MapRenderer.hpp"
#include "viz/Replay.hpp"
#include "viz/RunData.hpp"
#include "viz/Timeline.hpp"
#include "viz/ViewerScript.hpp"

#include <SFML/Graphics/RenderWindow.hpp>

namespace hg::viz {

struct ViewerOptions {
  unsigned width = 1500;
  unsigned height = 950;
  std::string script; ///< ViewerScript text ("" = interactive only)
  double start_t = 0;
};

class Viewer {
public:
  Viewer(RunData& run, ViewerOptions opts);
  /// Runs until the window is closed (Q, Escape, the close button or the script); returns 0.
  int run();

private:
  struct Layout {
    sf::FloatRect title, map, side, timeline;
  };
  Layout layout() const;
  void handle(const sf::Event& e);
  void run_step(const ScriptStep& s);
  void draw();
  void fit_map();

  RunData* run_;
  ViewerOptions opts_;
  sf::RenderWindow window_;
  Projection proj_;
  Layers layers_;
  Replay replay_;
  MapRenderer map_;
  MapChrome chrome_;
  Timeline timeline_;
  EventFeed feed_;
  KpiPanel kpis_;
  ViewerScript script_;
  const sf::Font* font_;
  bool quit_ = false;
  bool panning_ = false;
  sf::Vector2f last_mouse_;
};

} // namespace hg::viz
