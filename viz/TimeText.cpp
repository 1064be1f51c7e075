/// @file
/// @brief Time parsing and formatting (see TimeText.hpp).
#include "viz/TimeText.hpp"

#include <cmath>
#include <cstdio>
#include <ctime>
#include <stdexcept>

namespace hg::viz {

double TimeText::parse(const std::string& text) {
  const std::string bad = "bad time \"" + text + "\" (expected seconds, or e.g. 90m, 2.5h, 1:30:00)";
  if (text.empty()) throw std::invalid_argument(bad);
  if (text.find(':') != std::string::npos) {
    int h = 0, m = 0;
    double s = 0;
    char extra = 0;
    const int n = std::sscanf(text.c_str(), "%d:%d:%lf%c", &h, &m, &s, &extra);
    if (n < 2 || n > 3 || h < 0 || m < 0 || m > 59 || s < 0) throw std::invalid_argument(bad);
    return h * 3600.0 + m * 60.0 + s;
  }
  size_t used = 0;
  double v = 0;
  try {
    v = std::stod(text, &used);
  } catch (const std::exception&) {
    throw std::invalid_argument(bad);
  }
  const std::string unit = text.substr(used);
  double mul = 0;
  if (unit.empty() || unit == "s")
    mul = 1;
  else if (unit == "m" || unit == "min")
    mul = 60;
  else if (unit == "h")
    mul = 3600;
  else if (unit == "d")
    mul = 86400;
  if (mul == 0 || !std::isfinite(v) || v < 0) throw std::invalid_argument(bad);
  return v * mul;
}

std::string TimeText::clock(double t) {
  const long s = std::lround(std::max(0.0, t));
  char buf[32];
  std::snprintf(buf, sizeof buf, "T+%02ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
  return buf;
}

std::string TimeText::wall(const std::string& start, double t) {
  std::tm tm{};
  int y, mo, d, h, mi, s;
  if (std::sscanf(start.c_str(), "%d-%d-%dT%d:%d:%d", &y, &mo, &d, &h, &mi, &s) != 6) return "";
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = s;
  // Computed as if UTC, so the label keeps the start's own offset (China has no DST).
  const std::time_t base = timegm(&tm) + std::time_t(std::floor(t));
  std::tm out{};
  gmtime_r(&base, &out);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &out);
  return buf;
}

} // namespace hg::viz
