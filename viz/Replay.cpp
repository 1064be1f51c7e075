/// @file
/// @brief Event replay to a time (see Replay.hpp).
#include "viz/Replay.hpp"

#include "viz/OverlayRegistry.hpp"

namespace hg::viz {

Replay::Replay(const RunData& run)
    : run_(&run), state_(run.world()), overlays_(OverlayRegistry::make_all(run.world())) {}

void Replay::seek(double t) {
  if (t < t_) {
    state_.reset();
    for (auto& o : overlays_)
      o->reset();
    next_ = 0;
  }
  t_ = t;
  const auto& ev = run_->events();
  for (; next_ < ev.size() && ev[next_].t <= t; ++next_) {
    state_.apply(ev[next_]);
    for (auto& o : overlays_)
      if (o->handles(ev[next_].type)) o->apply(ev[next_]);
  }
}

} // namespace hg::viz
