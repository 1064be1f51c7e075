#include "sim/io/AtomicDir.hpp"

#include <cerrno>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <unistd.h>

namespace fs = std::filesystem;

namespace hg {

namespace {

/// True if process `pid` still runs (or cannot be checked): only the staging of dead processes is ours to clean.
bool process_alive(long pid) {
  if (pid <= 0) return false;
  return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}

} // namespace

void check_out_dir(const std::string& dir, const OutPolicy& policy) {
  std::error_code ec;
  const fs::file_status st = fs::symlink_status(dir, ec);
  if (ec || !fs::exists(st)) return; // absent: ours to create
  if (fs::is_symlink(st))
    throw OutputRefused(dir + ": is a symbolic link; hgdrill writes only to a new folder, an empty folder or an "
                              "earlier result of its own");
  if (!fs::is_directory(st))
    throw OutputRefused(dir + ": exists and is not a folder (" +
                        std::string(fs::is_regular_file(st) ? "a file" : "a device or special file") +
                        "); hgdrill will not replace it — choose another --out");
  if (fs::is_empty(dir, ec)) return;
  if (!policy.marker.empty() && fs::is_regular_file(fs::path(dir) / policy.marker, ec)) {
    if (policy.force) return;
    throw OutputRefused(dir + ": already holds a result (it has " + policy.marker +
                        "); add --force to replace it, or choose another --out");
  }
  throw OutputRefused(dir + ": is a folder that hgdrill did not write (no " + policy.marker +
                      " in it) and is not empty; hgdrill will not replace it — choose another --out");
}

void check_out_file(const std::string& path, bool force) {
  std::error_code ec;
  const fs::file_status st = fs::symlink_status(path, ec);
  if (ec || !fs::exists(st)) return;
  if (!fs::is_regular_file(st))
    throw OutputRefused(path + ": exists and is not a regular file; hgdrill will not replace it");
  if (!force) throw OutputRefused(path + ": already exists; add --force to replace it, or choose another --out");
}

std::vector<std::string> clean_stale_staging(const std::string& parent) {
  std::vector<std::string> removed;
  static const std::regex kStaging(R"(\..+\.partial-([0-9]{1,10})(\.old)?)");
  std::error_code ec;
  for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    std::smatch m;
    if (!std::regex_match(name, m, kStaging)) continue;
    if (!it->is_directory(ec) || it->is_symlink(ec)) continue;
    const long pid = std::stol(m[1].str());
    if (pid == long(getpid()) || process_alive(pid)) continue;
    std::error_code rec;
    fs::remove_all(it->path(), rec);
    removed.push_back(it->path().string() + (rec ? ": could not remove a stale staging folder: " + rec.message()
                                                 : ": removed the staging folder of an interrupted run"));
  }
  return removed;
}

AtomicDir::AtomicDir(std::string final_dir, OutPolicy policy)
    : final_(fs::path(final_dir).lexically_normal().string()), policy_(std::move(policy)) {
  while (final_.size() > 1 && final_.back() == '/')
    final_.pop_back();
  fs::path f(final_);
  if (f.filename().empty() || f.filename() == "." || f.filename() == "..")
    throw OutputRefused(final_dir + ": name a new folder for the results");
  check_out_dir(final_, policy_);
  fs::path parent = f.parent_path().empty() ? fs::path(".") : f.parent_path();
  std::error_code ec;
  fs::create_directories(parent, ec);
  for (const auto& line : clean_stale_staging(parent.string()))
    std::cerr << "hgdrill: " << line << "\n";
  staging_ = (parent / ("." + f.filename().string() + ".partial-" + std::to_string(getpid()))).string();
  fs::remove_all(staging_, ec); // our own pid: a leftover of this very process
  if (!fs::create_directories(staging_, ec))
    throw std::runtime_error(staging_ + ": cannot create output folder: " + ec.message());
}

AtomicDir::~AtomicDir() {
  if (!committed_) {
    std::error_code ec;
    fs::remove_all(staging_, ec);
  }
}

void AtomicDir::commit() {
  // Checked again: the target may have changed while the run was going.
  check_out_dir(final_, policy_);
  std::error_code ec;
  const std::string old = staging_ + ".old";
  const fs::file_status st = fs::symlink_status(final_, ec);
  const bool had_old = !ec && fs::exists(st);
  if (had_old) {
    fs::rename(final_, old, ec);
    if (ec) throw std::runtime_error(final_ + ": cannot replace the previous result: " + ec.message());
  }
  fs::rename(staging_, final_, ec);
  if (ec) {
    std::error_code ec2;
    if (had_old) fs::rename(old, final_, ec2);
    throw std::runtime_error(final_ + ": cannot move results into place: " + ec.message());
  }
  committed_ = true;
  if (had_old) fs::remove_all(old, ec);
}

void write_file_atomic(const std::string& path, const std::string& text) {
  std::error_code sec;
  const fs::file_status st = fs::symlink_status(path, sec);
  if (!sec && fs::exists(st) && !fs::is_regular_file(st))
    throw OutputRefused(path + ": exists and is not a regular file; hgdrill will not replace it");
  const std::string tmp = path + ".tmp-" + std::to_string(getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) {
      std::error_code ec;
      fs::remove(tmp, ec);
      throw std::runtime_error(path + ": cannot write");
    }
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) {
    std::error_code ec2;
    fs::remove(tmp, ec2);
    throw std::runtime_error(path + ": cannot write: " + ec.message());
  }
}

} // namespace hg
