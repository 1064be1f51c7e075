#pragma once
/// @file
/// @brief The journal of outside inputs: every input is appended (and flushed to disk with fsync)
/// before it is acknowledged, with the simulated time at which it took effect, so that seed + journal
/// replay a drill after a crash. JournalFile is a JSON Lines file; the drill server may keep its own
/// (SQLite) behind the same interface.
#include "sim/engine/RunInput.hpp"

#include <string>
#include <vector>

namespace hg {

class InputJournal {
public:
  virtual ~InputJournal() = default;
  /// Makes `in` durable. Throws std::runtime_error if it cannot.
  virtual void append(const RunInput& in) = 0;
};

/// @brief A JSON Lines journal: one input per line, fsync after each.
class JournalFile : public InputJournal {
public:
  /// Opens (creating or appending to) `path`.
  explicit JournalFile(std::string path);
  ~JournalFile() override;
  JournalFile(const JournalFile&) = delete;
  JournalFile& operator=(const JournalFile&) = delete;
  void append(const RunInput& in) override;
  /// Reads a journal. A last line cut short by a crash is ignored (it was never acknowledged); any other
  /// bad line throws std::runtime_error naming the file and line.
  static std::vector<RunInput> read(const std::string& path);

private:
  std::string path_;
  int fd_ = -1;
};

/// @brief Keeps inputs in memory (tests, and runs that need no journal file).
class MemoryJournal : public InputJournal {
public:
  void append(const RunInput& in) override { inputs.push_back(in); }
  std::vector<RunInput> inputs;
};

} // namespace hg
