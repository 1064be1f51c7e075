#include "sim/ensemble/ProgressBar.hpp"

#include <unistd.h>

#include <cstdio>

namespace hg::ensemble {

ProgressBar::ProgressBar(std::size_t total, std::size_t already, bool enabled)
    : total_(total), already_(already), enabled_(enabled), tty_(isatty(2)),
      start_(std::chrono::steady_clock::now()) {
  if (enabled_ && already_ > 0)
    std::fprintf(stderr, "hgdrill ensemble: resuming, %zu replicas already done\n", already_);
}

std::string ProgressBar::clock(double s) {
  const long t = long(s + 0.5);
  char buf[32];
  if (t >= 3600)
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
  else
    std::snprintf(buf, sizeof buf, "%ld:%02ld", t / 60, t % 60);
  return buf;
}

void ProgressBar::update(std::size_t done) {
  if (!enabled_ || total_ == 0) return;
  const double el = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double rate = el > 0 ? double(done) / el : 0;
  const double eta = rate > 0 ? double(total_ - done) / rate : 0;
  const int width = 30, filled = int(double(width) * double(done) / double(total_));
  const int tenth = int(10 * done / total_);
  if (!tty_ && tenth == last_tenth_) return;
  last_tenth_ = tenth;
  std::fprintf(stderr, "%shgdrill ensemble: [%s%s] %zu/%zu  %.2f replicas/s  elapsed %s  ETA %s%s",
               tty_ ? "\r" : "", std::string(size_t(filled), '#').c_str(), std::string(size_t(width - filled), ' ').c_str(),
               done + already_, total_ + already_, rate, clock(el).c_str(), done ? clock(eta).c_str() : "?",
               tty_ ? "  " : "\n");
}

void ProgressBar::finish() {
  if (enabled_ && tty_) std::fprintf(stderr, "\n");
}

} // namespace hg::ensemble
