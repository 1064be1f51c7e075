#pragma once
/// @file
/// @brief Collects every problem found in input files, so that validation reports all of them at
/// once, each naming the file, line, column and field path.
#include <stdexcept>
#include <string>
#include <vector>

namespace hg {

enum class Severity { kWarning, kError };

/// @brief One finding about an input file.
struct Diagnostic {
  Severity severity = Severity::kError;
  std::string file;
  int line = 0;        ///< 1-based; 0 = whole file
  int column = 0;      ///< 1-based
  std::string path;    ///< field path, e.g. "roads[12].length_km"
  std::string message; ///< what was expected (and what was found)
  /// "FILE:LINE:COL: error: PATH: MESSAGE"
  std::string str() const;
};

/// @brief An ordered list of findings.
class Diagnostics {
public:
  void error(std::string file, int line, int col, std::string path, std::string msg);
  void warning(std::string file, int line, int col, std::string path, std::string msg);
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  bool has_errors() const;
  size_t error_count() const;
  size_t warning_count() const;
  const std::vector<Diagnostic>& items() const { return items_; }
  /// All findings, one per line.
  std::string str() const;

private:
  std::vector<Diagnostic> items_;
};

/// @brief Thrown when inputs have errors; carries every finding.
class InputError : public std::runtime_error {
public:
  explicit InputError(Diagnostics d);
  const Diagnostics& diagnostics() const { return diag_; }

private:
  Diagnostics diag_;
};

} // namespace hg
