#pragma once
/// @file
/// @brief Sets of raster cells written compactly into events (burned area, active front, fireline) so
/// that the viewer can redraw the fire from the log alone: runs of consecutive cells per row,
/// "row:col+len,col+len;row:col+len", rows and columns 0-based from the north-west corner.
#include <cstddef>
#include <string>
#include <vector>

namespace hg::fire {

/// @brief One horizontal run of cells.
struct CellRun {
  int row = 0;
  int col = 0;
  int len = 0;
};

/// @brief Encodes cell indices (row-major, `nx` columns) as runs; the input need not be sorted.
std::string encode_cell_runs(std::vector<size_t> cells, int nx);
/// @brief Decodes encode_cell_runs() output; malformed pieces are skipped (the viewer must not crash
/// on a hand-edited log).
std::vector<CellRun> decode_cell_runs(const std::string& text);

} // namespace hg::fire
