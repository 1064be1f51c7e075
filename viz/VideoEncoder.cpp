/// @file
/// @brief ffmpeg pipe (see VideoEncoder.hpp).
#include "viz/VideoEncoder.hpp"

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <stdexcept>

namespace hg::viz {

namespace {
std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s)
    q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}
} // namespace

bool VideoEncoder::available() {
  const char* path = std::getenv("PATH");
  std::stringstream ss(path ? path : "/usr/bin:/bin");
  std::string dir;
  while (std::getline(ss, dir, ':'))
    if (!dir.empty() && std::filesystem::exists(std::filesystem::path(dir) / "ffmpeg")) return true;
  return false;
}

VideoEncoder::VideoEncoder(const std::string& path, unsigned width, unsigned height, unsigned fps)
    : path_(path), width_(width), height_(height) {
  if (!available())
    throw std::runtime_error("video needs ffmpeg, which is not installed (apt-get install ffmpeg); "
                             "render single pictures with --at/--out instead");
  if (width % 2 || height % 2)
    throw std::runtime_error("video size must be even (H.264/yuv420p), got " + std::to_string(width) + "x" +
                             std::to_string(height));
  std::signal(SIGPIPE, SIG_IGN);
  const std::string cmd = "ffmpeg -y -loglevel error -f rawvideo -pix_fmt rgba -s " + std::to_string(width) +
                          "x" + std::to_string(height) + " -r " + std::to_string(fps) +
                          " -i - -c:v libx264 -pix_fmt yuv420p " + quote(path);
  pipe_ = popen(cmd.c_str(), "w");
  if (!pipe_) throw std::runtime_error("cannot start ffmpeg");
}

VideoEncoder::~VideoEncoder() {
  if (pipe_) pclose(pipe_);
}

void VideoEncoder::add_frame(const sf::Image& frame) {
  if (frame.getSize().x != width_ || frame.getSize().y != height_)
    throw std::runtime_error("video frame has the wrong size");
  const size_t bytes = size_t(width_) * height_ * 4;
  if (fwrite(frame.getPixelsPtr(), 1, bytes, pipe_) != bytes)
    throw std::runtime_error("ffmpeg stopped accepting frames while writing " + path_);
}

void VideoEncoder::finish() {
  FILE* p = pipe_;
  pipe_ = nullptr;
  if (p && pclose(p) != 0) throw std::runtime_error("ffmpeg failed to write " + path_);
}

} // namespace hg::viz
