#include "sim/io/AtomicDir.hpp"

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <unistd.h>

namespace fs = std::filesystem;

namespace hg {

AtomicDir::AtomicDir(std::string final_dir) : final_(fs::path(final_dir).lexically_normal().string()) {
  if (!final_.empty() && final_.back() == '/') final_.pop_back();
  fs::path f(final_);
  fs::path parent = f.parent_path().empty() ? fs::path(".") : f.parent_path();
  std::error_code ec;
  fs::create_directories(parent, ec);
  staging_ = (parent / ("." + f.filename().string() + ".partial-" + std::to_string(getpid()))).string();
  fs::remove_all(staging_, ec);
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
  std::error_code ec;
  const std::string old = staging_ + ".old";
  bool had_old = fs::exists(final_);
  if (had_old) {
    fs::rename(final_, old, ec);
    if (ec) throw std::runtime_error(final_ + ": cannot replace the previous result: " + ec.message());
  }
  fs::rename(staging_, final_, ec);
  if (ec) {
    if (had_old) fs::rename(old, final_);
    throw std::runtime_error(final_ + ": cannot move results into place: " + ec.message());
  }
  committed_ = true;
  if (had_old) fs::remove_all(old, ec);
}

void write_file_atomic(const std::string& path, const std::string& text) {
  const std::string tmp = path + ".tmp-" + std::to_string(getpid());
  {
    std::ofstream out(tmp, std::ios::binary);
    out << text;
    out.flush();
    if (!out) throw std::runtime_error(path + ": cannot write");
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) throw std::runtime_error(path + ": cannot write: " + ec.message());
}

} // namespace hg
