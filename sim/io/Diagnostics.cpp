#include "sim/io/Diagnostics.hpp"

#include <algorithm>

namespace hg {

std::string Diagnostic::str() const {
  std::string s = file;
  if (line > 0) s += ":" + std::to_string(line) + ":" + std::to_string(column);
  s += severity == Severity::kError ? ": error: " : ": warning: ";
  if (!path.empty()) s += path + ": ";
  return s + message;
}

void Diagnostics::error(std::string file, int line, int col, std::string path, std::string msg) {
  items_.push_back({Severity::kError, std::move(file), line, col, std::move(path), std::move(msg)});
}

void Diagnostics::warning(std::string file, int line, int col, std::string path, std::string msg) {
  items_.push_back({Severity::kWarning, std::move(file), line, col, std::move(path), std::move(msg)});
}

bool Diagnostics::has_errors() const {
  return error_count() > 0;
}

size_t Diagnostics::error_count() const {
  return std::count_if(items_.begin(), items_.end(), [](auto& d) { return d.severity == Severity::kError; });
}

size_t Diagnostics::warning_count() const {
  return items_.size() - error_count();
}

std::string Diagnostics::str() const {
  std::string s;
  for (const auto& d : items_)
    s += d.str() + "\n";
  return s;
}

InputError::InputError(Diagnostics d) : std::runtime_error(d.str()), diag_(std::move(d)) {}

} // namespace hg
