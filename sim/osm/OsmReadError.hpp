#pragma once
/// @file
/// @brief Raised when an OSM file cannot be opened or parsed; the message names the file and what
/// failed, and the command turns it into exit code 3 (invalid input).
#include <stdexcept>
#include <string>

namespace hg::osm {

class OsmReadError : public std::runtime_error {
public:
  OsmReadError(const std::string& file, const std::string& what)
      : std::runtime_error(file + ": cannot read OSM data: " + what), file_(file) {}
  const std::string& file() const { return file_; }

private:
  std::string file_;
};

} // namespace hg::osm
