/// @file
/// @brief Viewer script parsing and stepping (see ViewerScript.hpp).
#include "viz/ViewerScript.hpp"

#include <sstream>
#include <stdexcept>

namespace hg::viz {

ViewerScript ViewerScript::parse(const std::string& text) {
  ViewerScript s;
  std::stringstream ss(text);
  std::string part;
  while (std::getline(ss, part, ';')) {
    std::stringstream ws(part);
    ScriptStep step;
    ws >> step.verb;
    if (step.verb.empty()) continue;
    for (std::string a; ws >> a;)
      step.args.push_back(a);
    const std::string& v = step.verb;
    const size_t n = step.args.size();
    const bool ok =
        (v == "wait" && (n == 1 || (n == 2 && (step.args[1] == "frames" || step.args[1] == "frame")))) ||
        (v == "key" && n == 1) || (v == "seek" && n == 1) || (v == "click" && n == 2) ||
        (v == "shot" && n == 1) || (v == "quit" && n == 0);
    if (!ok)
      throw std::invalid_argument(
          "bad script step \"" + part +
          "\" (expected: wait N frames | key K | seek T | click X Y | shot FILE | quit)");
    if (v == "wait") {
      try {
        if (std::stol(step.args[0]) < 0) throw std::invalid_argument("");
      } catch (const std::exception&) {
        throw std::invalid_argument("bad script step \"" + part + "\" (wait needs a frame count)");
      }
    }
    s.steps_.push_back(step);
  }
  return s;
}

std::vector<ScriptStep> ViewerScript::next_frame() {
  std::vector<ScriptStep> due;
  if (wait_ > 0) {
    --wait_;
    return due;
  }
  while (pos_ < steps_.size()) {
    const ScriptStep& s = steps_[pos_++];
    if (s.verb == "wait") {
      wait_ = std::stol(s.args[0]);
      if (wait_ > 0) {
        --wait_;
        break;
      }
      continue;
    }
    due.push_back(s);
  }
  return due;
}

} // namespace hg::viz
