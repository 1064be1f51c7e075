/// @file
/// @brief Language choice and number/duration formatting shared by every report writer, so the HTML,
/// the Markdown and the console summary print the same numbers.
#include "scoring/Lang.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace hg::score {

std::string choose_lang(const std::string& requested) {
  if (!requested.empty()) {
    if (requested != "zh" && requested != "en")
      throw std::runtime_error("--lang: expected zh or en (got \"" + requested + "\")");
    return requested;
  }
  // LC_ALL overrides LANG, as in POSIX locale resolution.
  for (const char* var : {"LC_ALL", "LANG"}) {
    const char* v = std::getenv(var);
    if (v && *v)
      return std::string(v).rfind("zh", 0) == 0 ? "zh" : "en";
  }
  return "en";
}

std::string fmt_duration(double seconds, const std::string& lang) {
  const bool neg = seconds < 0;
  long total_min = std::lround(std::fabs(seconds) / 60.0);
  const long h = total_min / 60, m = total_min % 60;
  std::string s = neg ? "-" : "";
  if (lang == "zh") {
    if (h > 0)
      s += std::to_string(h) + "小时";
    if (m > 0 || h == 0)
      s += std::to_string(m) + "分";
    return s;
  }
  if (h > 0)
    s += std::to_string(h) + " h";
  if (m > 0 || h == 0)
    s += std::string(h > 0 ? " " : "") + std::to_string(m) + " min";
  return s;
}

std::string fmt_num(double v, int decimals) {
  if (!std::isfinite(v))
    return "-";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (!s.empty() && s.back() == '0')
      s.pop_back();
    if (!s.empty() && s.back() == '.')
      s.pop_back();
  }
  if (s == "-0")
    s = "0";
  return s;
}

std::string fmt_pct(double share) { return fmt_num(share * 100.0, 1) + "%"; }

} // namespace hg::score

namespace hg::score {

std::string fmt_kpi_value(double v, const std::string& unit, const std::string& lang) {
  const bool zh = lang == "zh";
  if (unit == "min")
    return fmt_duration(v * 60.0, lang);
  if (unit == "h")
    return fmt_duration(v * 3600.0, lang);
  if (unit == "s")
    return fmt_num(v, 1) + (zh ? " 秒" : " s");
  if (unit == "share")
    return fmt_pct(v);
  if (unit == "people")
    return fmt_num(v, 1) + (zh ? " 人" : " people");
  if (unit == "ha")
    return fmt_num(v, 1) + (zh ? " 公顷" : " ha");
  if (unit == "count")
    return fmt_num(v, 0);
  return fmt_num(v, 2);
}

std::string fmt_kpi_delta(double d, const std::string& unit, const std::string& lang) {
  const double a = std::fabs(d);
  // A difference that prints as zero is shown as ±0, never as "−0 s".
  const bool zero = fmt_kpi_value(a, unit, lang) == fmt_kpi_value(0.0, unit, lang) &&
                    (unit != "share" || fmt_num(a * 100.0, 1) == "0");
  const std::string sign = zero ? "±" : d > 0 ? "+" : "−";
  if (unit == "share") // a difference of shares is in percentage points, not per cent
    return sign + fmt_num(a * 100.0, 1) + (lang == "zh" ? " 个百分点" : " pp");
  return sign + fmt_kpi_value(a, unit, lang);
}

std::string hseep_rating(double score) {
  if (score >= 100.0 - 1e-9)
    return "P";
  if (score >= 70)
    return "S";
  if (score >= 30)
    return "M";
  return "U";
}

} // namespace hg::score
