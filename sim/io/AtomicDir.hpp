#pragma once
/// @file
/// @brief Writes a results folder so that readers see either the old folder or the complete new one,
/// never a half-written one: files go to a hidden sibling folder that is renamed into place on
/// commit(), and removed if commit() is never reached.
///
/// It never deletes or overwrites what hgdrill did not write: the target must be absent, an empty
/// folder, or a folder recognised as an earlier result (it holds the marker file, e.g. run.json),
/// and an earlier result is replaced only when `force` is set. Anything else (a file, a device, a
/// link, an unrelated folder) is refused with OutputRefused before anything is written.
#include <stdexcept>
#include <string>
#include <vector>

namespace hg {

/// @brief Thrown when an output path holds something hgdrill must not replace (exit code 4).
class OutputRefused : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// @brief What may be replaced at the target of an AtomicDir.
struct OutPolicy {
  std::string marker = "run.json"; ///< a folder holding this file is an earlier result of ours
  bool force = false;              ///< replace an earlier result (never anything else)
};

class AtomicDir {
public:
  explicit AtomicDir(std::string final_dir, OutPolicy policy = {});
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
  OutPolicy policy_;
  bool committed_ = false;
};

/// Throws OutputRefused unless `dir` may receive a result under `policy` (see AtomicDir).
void check_out_dir(const std::string& dir, const OutPolicy& policy);

/// Removes staging folders (`.NAME.partial-PID[.old]`) in `parent` left by processes that no longer
/// run (killed runs); returns one line per folder removed, for the user.
std::vector<std::string> clean_stale_staging(const std::string& parent);

/// Throws OutputRefused unless `path` is absent, or a regular file and `force` is set.
void check_out_file(const std::string& path, bool force);

/// Writes `text` to `path` through a temporary file and a rename. Refuses (OutputRefused) a target
/// that exists and is not a regular file (a folder, a device such as /dev/null, a link).
void write_file_atomic(const std::string& path, const std::string& text);

} // namespace hg
