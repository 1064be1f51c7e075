/// @file
/// @brief Run-length coding of raster cell sets (see CellRuns.hpp).
#include "sim/hazards/fire/CellRuns.hpp"

#include <algorithm>
#include <cstdlib>

namespace hg::fire {

std::string encode_cell_runs(std::vector<size_t> cells, int nx) {
  std::string out;
  if (nx <= 0 || cells.empty()) return out;
  std::sort(cells.begin(), cells.end());
  cells.erase(std::unique(cells.begin(), cells.end()), cells.end());
  const size_t w = static_cast<size_t>(nx);
  long row = -1;
  size_t i = 0;
  while (i < cells.size()) {
    const size_t r = cells[i] / w, c0 = cells[i] % w;
    size_t n = 1;
    while (i + n < cells.size() && cells[i + n] == cells[i] + n && (cells[i + n] / w) == r)
      ++n;
    if (static_cast<long>(r) != row) {
      if (!out.empty()) out += ';';
      out += std::to_string(r) + ':';
      row = static_cast<long>(r);
    } else {
      out += ',';
    }
    out += std::to_string(c0) + '+' + std::to_string(n);
    i += n;
  }
  return out;
}

std::vector<CellRun> decode_cell_runs(const std::string& text) {
  std::vector<CellRun> runs;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find(';', pos);
    if (end == std::string::npos) end = text.size();
    const std::string row_text = text.substr(pos, end - pos);
    pos = end + 1;
    const size_t colon = row_text.find(':');
    if (colon == std::string::npos || colon == 0) continue;
    char* stop = nullptr;
    const long row = std::strtol(row_text.c_str(), &stop, 10);
    if (stop != row_text.c_str() + colon || row < 0) continue;
    size_t p = colon + 1;
    while (p < row_text.size()) {
      size_t q = row_text.find(',', p);
      if (q == std::string::npos) q = row_text.size();
      const std::string run = row_text.substr(p, q - p);
      p = q + 1;
      const size_t plus = run.find('+');
      if (plus == std::string::npos || plus == 0) continue;
      const long col = std::strtol(run.c_str(), &stop, 10);
      if (stop != run.c_str() + plus || col < 0) continue;
      const long len = std::strtol(run.c_str() + plus + 1, &stop, 10);
      if (*stop != '\0' || len <= 0) continue;
      runs.push_back({static_cast<int>(row), static_cast<int>(col), static_cast<int>(len)});
    }
  }
  return runs;
}

} // namespace hg::fire
