#pragma once
/// @file
/// @brief Writes a video from RGBA frames piped into ffmpeg (H.264, yuv420p).
#include <SFML/Graphics/Image.hpp>

#include <cstdio>
#include <string>

namespace hg::viz {

class VideoEncoder {
public:
  /// Starts ffmpeg; throws std::runtime_error if ffmpeg is not installed or the size is odd.
  VideoEncoder(const std::string& path, unsigned width, unsigned height, unsigned fps);
  ~VideoEncoder();
  VideoEncoder(const VideoEncoder&) = delete;
  VideoEncoder& operator=(const VideoEncoder&) = delete;
  void add_frame(const sf::Image& frame);
  /// Closes the pipe; throws if ffmpeg failed.
  void finish();
  /// True if an `ffmpeg` program is on PATH.
  static bool available();

private:
  std::string path_;
  unsigned width_, height_;
  FILE* pipe_ = nullptr;
};

} // namespace hg::viz
