#pragma once
/// @file
/// @brief Writes a results folder so that readers see either the old folder or the complete new one,
/// never a half-written one: files go to a hidden sibling folder that is renamed into place on
/// commit(), and removed if commit() is never reached.
#include <string>

namespace hg {

class AtomicDir {
public:
  explicit AtomicDir(std::string final_dir);
  ~AtomicDir();
  AtomicDir(const AtomicDir&) = delete;
  AtomicDir& operator=(const AtomicDir&) = delete;
  /// Folder to write into now.
  const std::string& staging() const { return staging_; }
  std::string file(const std::string& name) const { return staging_ + "/" + name; }
  /// Moves the staging folder into place (replacing an older result). Throws on failure.
  void commit();

private:
  std::string final_;
  std::string staging_;
  bool committed_ = false;
};

/// Writes `text` to `path` through a temporary file and a rename.
void write_file_atomic(const std::string& path, const std::string& text);

} // namespace hg
