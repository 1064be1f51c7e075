#pragma once
/// @file
/// @brief Report language (zh/en): the choice from the command line or the locale, bilingual texts,
/// and durations written the way a trainer reads them ("2 h 35 min", "2小时35分").
#include <string>

namespace hg::score {

/// A text in both report languages.
struct Text {
  std::string zh;
  std::string en;
  const std::string& in(const std::string& lang) const { return lang == "zh" ? zh : en; }
};

/// "zh" or "en": `requested` if given (must be zh|en, else std::runtime_error); otherwise zh when
/// LC_ALL or LANG starts with "zh", else en.
std::string choose_lang(const std::string& requested);

/// A duration in seconds as hours and minutes ("2 h 35 min" / "2小时35分"); negative values keep the sign.
std::string fmt_duration(double seconds, const std::string& lang);
/// A number with at most `decimals` decimals, trailing zeros removed.
std::string fmt_num(double v, int decimals = 2);
/// A share 0..1 as a percentage ("87.5%").
std::string fmt_pct(double share);

} // namespace hg::score

namespace hg::score {
/// A KPI value in its unit (min, h, s, share, people, count, ha) for reading: "2 h 35 min", "87.5%".
std::string fmt_kpi_value(double v, const std::string& unit, const std::string& lang);
/// A signed difference of two KPI values in the KPI's unit: "+1 h 5 min", "−12.5 pp" (shares).
std::string fmt_kpi_delta(double d, const std::string& unit, const std::string& lang);
/// HSEEP performance rating of a 0–100 score: P (performed without challenges), S (some challenges),
/// M (major challenges), U (unable to be performed).
std::string hseep_rating(double score);
} // namespace hg::score
