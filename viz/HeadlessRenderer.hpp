#pragma once
/// @file
/// @brief Renders pictures of a run at given times into an sf::RenderTexture (no window; needs an
/// X display for the GL context, e.g. under xvfb-run): PNG files and video frames. Layout: title bar
/// on top, legend column on the right, the map with scale bar and north arrow in the rest.
#include "viz/Layers.hpp"
#include "viz/MapChrome.hpp"
#include "viz/MapRenderer.hpp"
#include "viz/Replay.hpp"
#include "viz/RunData.hpp"

#include <SFML/Graphics/RenderTexture.hpp>

#include <memory>
#include <string>

namespace hg::viz {

class HeadlessRenderer {
public:
  /// Throws std::runtime_error if no GL context can be made (no display) or no CJK font is found.
  HeadlessRenderer(const RunData& run, unsigned width, unsigned height);
  /// The whole picture at time t.
  sf::Image render(double t);
  void save_png(double t, const std::string& path);
  /// Frames from t0 to t1 (inclusive), `frames` of them, piped to ffmpeg (VideoEncoder).
  void save_video(const std::string& path, double t0, double t1, unsigned frames, unsigned fps);

  /// Shows `box` instead of the run's default extent (RunData::extent()).
  void fit(const GeoBox& box);
  /// Map projection of the pictures (lat/lon to pixel), for tests and tools.
  const Projection& projection() const { return proj_; }
  Layers& layers() { return layers_; }
  static constexpr float kTitleHeight = 64;
  static constexpr float kLegendWidth = 290;

private:
  const RunData* run_;
  sf::RenderTexture tex_;
  Projection proj_;
  Layers layers_;
  Replay replay_;
  MapRenderer map_;
  MapChrome chrome_;
  const sf::Font* font_;
};

} // namespace hg::viz
