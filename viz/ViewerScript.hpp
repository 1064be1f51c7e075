#pragma once
/// @file
/// @brief Scripted input for the viewer (tests, demos): steps separated by ';', e.g.
/// "wait 5 frames; key Space; seek 2h; click 400 300; shot /tmp/a.png; key Q".
/// Steps: wait N [frames], key NAME (letter, Space, Left, Right, Home, End, Escape, [, ]),
/// seek TIME, click X Y, shot FILE (save the window), quit.
#include <string>
#include <vector>

namespace hg::viz {

struct ScriptStep {
  std::string verb;
  std::vector<std::string> args;
};

class ViewerScript {
public:
  /// Throws std::invalid_argument naming the bad step.
  static ViewerScript parse(const std::string& text);
  /// The steps due at this frame (empty while a wait is running).
  std::vector<ScriptStep> next_frame();
  bool done() const { return pos_ >= steps_.size() && wait_ == 0; }
  bool empty() const { return steps_.empty(); }

private:
  std::vector<ScriptStep> steps_;
  size_t pos_ = 0;
  long wait_ = 0;
};

} // namespace hg::viz
