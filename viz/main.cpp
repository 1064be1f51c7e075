/// @file
/// @brief hgdrill-viz: the map viewer (`view RUN_DIR`) and headless renderer (`render RUN_DIR --at T
/// --out FILE.png`, `--video FILE.mp4`). Usually started through `hgdrill view|render`.
#include "viz/HeadlessRenderer.hpp"
#include "viz/RunData.hpp"
#include "viz/TimeText.hpp"
#include "viz/Viewer.hpp"

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <iostream>

namespace {

struct Size {
  unsigned w = 0, h = 0;
};

Size parse_size(const std::string& s) {
  Size z;
  char x = 0, extra = 0;
  if (std::sscanf(s.c_str(), "%u%c%u%c", &z.w, &x, &z.h, &extra) != 3 || (x != 'x' && x != 'X') ||
      z.w < 200 || z.h < 150 || z.w > 8192 || z.h > 8192)
    throw std::invalid_argument("bad --size \"" + s + "\" (expected WxH, e.g. 1600x1000, 200..8192 each)");
  return z;
}

hg::viz::GeoBox parse_bbox(const std::string& s) {
  double a, b, c, d;
  char extra = 0;
  if (std::sscanf(s.c_str(), "%lf,%lf,%lf,%lf%c", &a, &b, &c, &d, &extra) != 4 || a >= c || b >= d ||
      a < -90 || c > 90 || b < -180 || d > 180)
    throw std::invalid_argument("bad --bbox \"" + s + "\" (expected MINLAT,MINLON,MAXLAT,MAXLON)");
  hg::viz::GeoBox box;
  box.add(hg::LatLon{a, b});
  box.add(hg::LatLon{c, d});
  return box;
}

} // namespace

int main(int argc, char** argv) {
  CLI::App app{"hgdrill-viz — map viewer and renderer for hgdrill runs / 鹤岗应急演练地图查看器",
               "hgdrill-viz"};
  app.require_subcommand(1);
  std::string run_dir, scenario, bbox_text, size_text, at_text, out, video, from_text = "0", to_text, script, live,
      token;
  unsigned fps = 30;
  double seconds = 10;

  CLI::App* view = app.add_subcommand("view", "Open the interactive map viewer on a run folder");
  view->add_option("RUN_DIR", run_dir, "Run folder written by hgdrill run");
  view->add_option("--live", live, "Attach to a running drill: http://HOST:PORT of hgdrill serve (wall display)");
  view->add_option("--token", token, "The facilitator's token (with --live; from the session's tokens.json)");
  view->add_option("--scenario", scenario, "Scenario file (default: from RUN_DIR/run.json)");
  view->add_option("--size", size_text, "Window size WxH (default 1500x950)");
  view->add_option("--at", at_text, "Start time (seconds, or e.g. 90m, 2.5h)");
  view->add_option(
      "--script", script,
      "Scripted input, e.g. \"wait 5 frames; key Q\" (also env HG_VIZ_SCRIPT); see docs/viewer.md");

  CLI::App* render = app.add_subcommand("render", "Render a picture (PNG) and/or a video (MP4) of a run");
  render->add_option("RUN_DIR", run_dir, "Run folder written by hgdrill run");
  render->add_option("--live", live, "Render a running drill: http://HOST:PORT of hgdrill serve");
  render->add_option("--token", token, "The facilitator's token (with --live)");
  render->add_option("--scenario", scenario, "Scenario file (default: from RUN_DIR/run.json)");
  render->add_option("--at", at_text,
                     "Time of the picture (seconds, or e.g. 90m, 2.5h; default: end of run)");
  render->add_option("--out", out, "PNG file to write");
  render->add_option("--size", size_text, "Picture size WxH (default 1600x1000)");
  render->add_option("--bbox", bbox_text, "Area to show: MINLAT,MINLON,MAXLAT,MAXLON (default: the city)");
  render->add_option("--video", video, "MP4 file to write (needs ffmpeg)");
  render->add_option("--fps", fps, "Video frames per second (default 30)")->check(CLI::Range(1u, 120u));
  render->add_option("--from", from_text, "Video start time (default 0)");
  render->add_option("--to", to_text, "Video end time (default: end of run)");
  render->add_option("--seconds", seconds, "Video length in seconds (default 10)")
      ->check(CLI::Range(0.1, 3600.0));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }

  try {
    Size size;
    if (!size_text.empty()) size = parse_size(size_text);
    if (render->parsed() && out.empty() && video.empty()) {
      std::cerr << "hgdrill-viz render: give --out FILE.png and/or --video FILE.mp4\n";
      return 2;
    }
    if (run_dir.empty() == live.empty()) {
      std::cerr << "hgdrill-viz: give a RUN_DIR, or --live URL --token TOKEN\n";
      return 2;
    }
    if (!live.empty() && token.empty()) {
      std::cerr << "hgdrill-viz: --live needs --token (the facilitator's, from the session's tokens.json)\n";
      return 2;
    }
    if (const char* d = std::getenv("DISPLAY"); !d || !*d) {
      std::cerr << "hgdrill-viz: no X display (DISPLAY is not set); "
                << (view->parsed() ? "the viewer needs a desktop session (for pictures use render)"
                                   : "run under xvfb-run -a, or through hgdrill render which does that")
                << "\n";
      return 1;
    }
    auto run = live.empty() ? hg::viz::RunData::load(run_dir, scenario)
                            : hg::viz::RunData::load_live(live, token, scenario);
    if (view->parsed()) {
      hg::viz::ViewerOptions opts;
      if (size.w) {
        opts.width = size.w;
        opts.height = size.h;
      }
      opts.script = script;
      if (opts.script.empty())
        if (const char* env = std::getenv("HG_VIZ_SCRIPT")) opts.script = env;
      if (!at_text.empty()) opts.start_t = hg::viz::TimeText::parse(at_text);
      hg::viz::Viewer viewer(*run, opts);
      return viewer.run();
    }
    hg::viz::HeadlessRenderer r(*run, size.w ? size.w : 1600, size.h ? size.h : 1000);
    if (!bbox_text.empty()) r.fit(parse_bbox(bbox_text));
    const double end = run->end_time();
    if (!out.empty()) {
      const double t = at_text.empty() ? end : hg::viz::TimeText::parse(at_text);
      r.save_png(t, out);
      std::cout << "wrote " << out << " (" << hg::viz::TimeText::clock(t) << ")\n";
    }
    if (!video.empty()) {
      const double t0 = hg::viz::TimeText::parse(from_text);
      const double t1 = to_text.empty() ? end : hg::viz::TimeText::parse(to_text);
      if (t1 <= t0) throw std::invalid_argument("--to must be after --from");
      const unsigned frames = unsigned(std::max(2.0, seconds * fps));
      r.save_video(video, t0, t1, frames, fps);
      std::cout << "wrote " << video << " (" << frames << " frames, " << hg::viz::TimeText::clock(t0)
                << " to " << hg::viz::TimeText::clock(t1) << ")\n";
    }
    return 0;
  } catch (const std::invalid_argument& e) {
    std::cerr << "hgdrill-viz: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "hgdrill-viz: " << e.what() << "\n";
    return 1;
  }
}
