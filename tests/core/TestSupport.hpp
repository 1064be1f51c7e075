#pragma once
// Helpers shared by the core tests: temp files, running the hgdrill program, reading its log.
#include "sim/io/EventLog.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace hgtest {

inline std::string source(const std::string& rel) {
  return std::string(HG_SOURCE_DIR) + "/" + rel;
}

inline std::string temp_dir(const std::string& name) {
  auto d = std::filesystem::temp_directory_path() / ("hgtest-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(d);
  std::filesystem::create_directories(d);
  return d.string();
}

inline void write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

inline std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Result {
  int code = -1;
  std::string output; ///< stdout and stderr together
};

/// Runs the hgdrill program with `args` (a shell-quoted string).
inline Result hgdrill(const std::string& args) {
  const std::string cmd = std::string(HG_BIN_DIR) + "/hgdrill " + args + " 2>&1";
  Result r;
  FILE* p = ::popen(cmd.c_str(), "r");
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0)
    r.output.append(buf, n);
  int status = ::pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

/// Events of one type.
inline std::vector<hg::Event> of_type(const std::vector<hg::Event>& ev, const std::string& type) {
  std::vector<hg::Event> out;
  for (const auto& e : ev)
    if (e.type == type) out.push_back(e);
  return out;
}

} // namespace hgtest
