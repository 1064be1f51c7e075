#pragma once
/// @file
/// @brief The allowed range of every number read from an input file, in one place. Loaders read
/// numbers through YamlCursor::num, which checks the field's range here as well as the sign or
/// interval the loader itself asks for; `hgdrill validate` and `hgdrill run` therefore agree.
///
/// A field is found by its key (the last part of its path). Keys carry their unit (`_h`, `_min`,
/// `_m`, …), so most ranges follow from the unit: a time of more than a year, an elevation of more
/// than 9 km or a speed of more than 1,000 km/h is an error, not a model input. The ranges bound the
/// work and memory of a run before anything is allocated (docs/formats.md, "Ranges of numbers").
#include <string>
#include <vector>

namespace hg {

/// @brief The range of one field (or of every field whose key ends with a unit suffix).
struct FieldRange {
  std::string key;      ///< exact key, or "*SUFFIX" for every key ending with SUFFIX
  double lo, hi;        ///< closed interval
  bool integer = false; ///< whole numbers only
  std::string why;      ///< the reason for the bounds, for the docs
};

/// Every rule, exact keys first, then unit suffixes; the first match wins.
const std::vector<FieldRange>& field_ranges();
/// The rule for `key`: an exact key, else a unit suffix, else the catch-all (|v| <= 1e9).
const FieldRange& field_range(const std::string& key);
/// Every key read as a number by a loader of this program, with its range (for the docs table).
const std::vector<std::string>& numeric_fields();
/// The ranges as the Markdown table of docs/formats.md (`hgdrill validate --ranges`).
std::string field_ranges_markdown();
/// "a number in [lo, hi]" or "a whole number in [lo, hi]".
std::string describe(const FieldRange& r);

} // namespace hg
