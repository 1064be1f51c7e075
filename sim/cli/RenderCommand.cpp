/// @file
/// @brief `hgdrill render RUN_DIR --at T --out FILE.png [--size WxH] [--video FILE.mp4 ...]`: runs the
/// hgdrill-viz program installed next to hgdrill (hgdrill never links SFML), passing the arguments
/// through. Without an X display it re-runs itself under `xvfb-run -a` when xvfb-run exists.
/// Also defines run_viz(), the launcher shared with `hgdrill view` (ViewCommand.cpp).
#include "sim/cli/Command.hpp"
#include "sim/io/RunFolder.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <unistd.h>

namespace hg::cli {

namespace {

namespace fs = std::filesystem;

fs::path self_exe() {
  std::error_code ec;
  fs::path p = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : p;
}

fs::path on_path(const std::string& prog) {
  const char* path = std::getenv("PATH");
  std::stringstream ss(path ? path : "/usr/local/bin:/usr/bin:/bin");
  for (std::string dir; std::getline(ss, dir, ':');)
    if (!dir.empty() && ::access((fs::path(dir) / prog).c_str(), X_OK) == 0) return fs::path(dir) / prog;
  return {};
}

bool has_display() {
  const char* d = std::getenv("DISPLAY");
  return d && *d;
}

[[noreturn]] void exec(const fs::path& program, const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const auto& a : argv)
    args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  ::execv(program.c_str(), args.data());
  std::cerr << "hgdrill: cannot run " << program.string() << ": " << std::strerror(errno) << "\n";
  std::exit(kRunFailed);
}

} // namespace

/// Replaces this process with `hgdrill-viz VERB ARGS...` (never returns on success). With
/// `xvfb_fallback`, a missing X display is provided by re-running `hgdrill VERB ARGS...` under
/// `xvfb-run -a`. Returns kRunFailed (after a message) when that is impossible.
int run_viz(const std::string& verb, const std::vector<std::string>& args, bool xvfb_fallback) {
  const fs::path self = self_exe();
  const fs::path viz = self.empty() ? fs::path() : self.parent_path() / "hgdrill-viz";
  if (viz.empty() || ::access(viz.c_str(), X_OK) != 0) {
    std::cerr
        << "hgdrill " << verb << ": the viewer program hgdrill-viz was not found next to hgdrill"
        << (self.empty() ? "" : " (looked for " + viz.string() + ")")
        << ".\nBuild it with: cmake --build build --target hgdrill-viz (needs SFML 2.5: apt-get install "
           "libsfml-dev)\n";
    return kRunFailed;
  }
  const bool help = std::find(args.begin(), args.end(), "--help") != args.end() ||
                    std::find(args.begin(), args.end(), "-h") != args.end();
  if (!help) {
    // RUN_DIR is the first argument that is neither an option nor an option's value (every option
    // of view and render takes a value). A broken run folder is refused before a window opens.
    for (size_t i = 0; i < args.size(); ++i) {
      if (args[i].rfind("-", 0) == 0) {
        if (args[i].find('=') == std::string::npos) ++i;
        continue;
      }
      if (std::string err = check_run_folder(args[i]); !err.empty()) {
        std::cerr << "hgdrill " << verb << ": " << err << "\n";
        return kInvalidInput;
      }
      break;
    }
  }
  if (!has_display() && !help) { // help needs no window
    if (!xvfb_fallback) {
      std::cerr
          << "hgdrill " << verb
          << ": no X display (DISPLAY is not set); the viewer needs a desktop session.\n"
             "For pictures and videos without a display use: hgdrill render RUN_DIR --at T --out FILE.png\n";
      return kRunFailed;
    }
    const fs::path xvfb = on_path("xvfb-run");
    if (xvfb.empty() || std::getenv("HG_VIZ_UNDER_XVFB")) {
      std::cerr << "hgdrill " << verb
                << ": no X display (DISPLAY is not set) and xvfb-run is not available to provide one.\n"
                   "Install it with: apt-get install xvfb (or run from a desktop session)\n";
      return kRunFailed;
    }
    ::setenv("HG_VIZ_UNDER_XVFB", "1", 1);
    std::vector<std::string> argv = {"xvfb-run", "-a", self.string(), verb};
    argv.insert(argv.end(), args.begin(), args.end());
    exec(xvfb, argv);
  }
  std::vector<std::string> argv = {viz.string(), verb};
  argv.insert(argv.end(), args.begin(), args.end());
  exec(viz, argv);
}

Runner add_render_command(CLI::App& app) {
  CLI::App* sub = app.add_subcommand(
      "render",
      "Render a map picture (PNG) or video (MP4) of a run: RUN_DIR --at T --out FILE.png [--size WxH] "
      "[--video FILE.mp4 [--fps N] [--from T0 --to T1]] (runs hgdrill-viz; see docs/viewer.md)");
  sub->prefix_command();
  sub->set_help_flag(); // `hgdrill render --help` is answered by hgdrill-viz
  return [sub] { return run_viz("render", sub->remaining(), true); };
}

} // namespace hg::cli
