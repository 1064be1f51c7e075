/// @file
/// @brief Off-screen rendering to PNG and video (see HeadlessRenderer.hpp).
#include "viz/HeadlessRenderer.hpp"

#include "viz/FontLocator.hpp"
#include "viz/Style.hpp"
#include "viz/VideoEncoder.hpp"

#include <SFML/Graphics/RectangleShape.hpp>

#include <stdexcept>

namespace hg::viz {

HeadlessRenderer::HeadlessRenderer(const RunData& run, unsigned width, unsigned height)
    : run_(&run), replay_(run), map_(run), chrome_(run), font_(&FontLocator::cjk()) {
  if (width < 200 || height < 150) throw std::runtime_error("picture size too small (at least 200x150)");
  if (!tex_.create(width, height))
    throw std::runtime_error("cannot create an off-screen GL surface of " + std::to_string(width) + "x" +
                             std::to_string(height) + " (is an X display available? try xvfb-run -a)");
  tex_.setSmooth(true);
  fit(run.extent());
}

void HeadlessRenderer::fit(const GeoBox& box) {
  const sf::Vector2u size = tex_.getSize();
  proj_.fit(box, sf::FloatRect(0, kTitleHeight, float(size.x) - kLegendWidth, float(size.y) - kTitleHeight),
            24);
}

sf::Image HeadlessRenderer::render(double t) {
  replay_.seek(t);
  const sf::Vector2u size = tex_.getSize();
  tex_.clear(Style::background());
  DrawContext ctx{tex_, proj_, *font_, t, layers_.labels};
  map_.draw(ctx, layers_, replay_);
  const float map_w = float(size.x) - kLegendWidth;
  chrome_.draw_scale_bar(ctx, {20, float(size.y) - 14});
  chrome_.draw_north_arrow(ctx, {map_w - 36, kTitleHeight + 36});
  sf::RectangleShape column({kLegendWidth, float(size.y) - kTitleHeight});
  column.setPosition(map_w, kTitleHeight);
  column.setFillColor(sf::Color(250, 250, 248));
  tex_.draw(column);
  chrome_.draw_legend(ctx, replay_, {map_w + 8, kTitleHeight + 8}, kLegendWidth - 16,
                      float(size.y) - kTitleHeight - 16, nullptr);
  chrome_.draw_title(ctx, sf::FloatRect(0, 0, float(size.x), kTitleHeight));
  tex_.display();
  return tex_.getTexture().copyToImage();
}

void HeadlessRenderer::save_png(double t, const std::string& path) {
  if (!render(t).saveToFile(path)) throw std::runtime_error(path + ": cannot write the picture");
}

void HeadlessRenderer::save_video(const std::string& path, double t0, double t1, unsigned frames,
                                  unsigned fps) {
  const sf::Vector2u size = tex_.getSize();
  VideoEncoder enc(path, size.x, size.y, fps);
  frames = std::max(2u, frames);
  for (unsigned i = 0; i < frames; ++i) {
    const double t = t0 + (t1 - t0) * double(i) / double(frames - 1);
    enc.add_frame(render(t));
  }
  enc.finish();
}

} // namespace hg::viz
