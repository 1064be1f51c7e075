#include "sim/engine/InputJournal.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace hg {

JournalFile::JournalFile(std::string path) : path_(std::move(path)) {
  fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (fd_ < 0) throw std::runtime_error(path_ + ": cannot open the input journal: " + std::strerror(errno));
}

JournalFile::~JournalFile() {
  if (fd_ >= 0) ::close(fd_);
}

void JournalFile::append(const RunInput& in) {
  const std::string line = in.to_json().dump() + "\n";
  size_t done = 0;
  while (done < line.size()) {
    const ssize_t n = ::write(fd_, line.data() + done, line.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error(path_ + ": cannot write the input journal: " + std::strerror(errno));
    }
    done += size_t(n);
  }
  if (::fsync(fd_) != 0) throw std::runtime_error(path_ + ": cannot sync the input journal: " + std::strerror(errno));
}

std::vector<RunInput> JournalFile::read(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) throw std::runtime_error(path + ": cannot open the input journal");
  std::string all((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  std::vector<RunInput> out;
  size_t pos = 0;
  int line_no = 0;
  while (pos < all.size()) {
    const size_t nl = all.find('\n', pos);
    ++line_no;
    if (nl == std::string::npos) break; // cut short by a crash: never acknowledged
    const std::string line = all.substr(pos, nl - pos);
    pos = nl + 1;
    if (line.empty()) continue;
    try {
      out.push_back(RunInput::from_json(nlohmann::json::parse(line)));
    } catch (const std::exception& e) {
      throw std::runtime_error(path + ":" + std::to_string(line_no) + ": bad journal line: " + e.what());
    }
  }
  return out;
}

} // namespace hg
