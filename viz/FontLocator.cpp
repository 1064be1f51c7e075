/// @file
/// @brief CJK font discovery (see FontLocator.hpp).
#include "viz/FontLocator.hpp"

#include <cstdio>
#include <filesystem>
#include <memory>
#include <stdexcept>

namespace hg::viz {

namespace {
std::string fc_match() {
  std::unique_ptr<FILE, int (*)(FILE*)> p(popen("fc-match -f '%{file}' 'Noto Sans CJK SC' 2>/dev/null", "r"),
                                          pclose);
  if (!p) return "";
  char buf[1024];
  std::string out;
  while (size_t n = fread(buf, 1, sizeof buf, p.get()))
    out.append(buf, n);
  return out;
}
} // namespace

std::string FontLocator::find_cjk() {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("HG_VIZ_FONT"); env && fs::exists(env)) return env;
  const char* fixed[] = {"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
                         "/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf",
                         "/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc",
                         "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc"};
  for (const char* f : fixed)
    if (fs::exists(f)) return f;
  // fc-match always answers with some font; accept it only if it is a CJK one.
  const std::string m = fc_match();
  if (!m.empty() && fs::exists(m) && m.find("CJK") != std::string::npos) return m;
  throw std::runtime_error(
      "no CJK font found (looked for Noto Sans CJK via fc-match and in "
      "/usr/share/fonts/opentype/noto/); install it with: apt-get install fonts-noto-cjk "
      "(or set HG_VIZ_FONT=/path/to/font)");
}

const sf::Font& FontLocator::cjk() {
  static std::unique_ptr<sf::Font> font;
  if (!font) {
    const std::string path = find_cjk();
    auto f = std::make_unique<sf::Font>();
    if (!f->loadFromFile(path)) throw std::runtime_error(path + ": cannot load font");
    font = std::move(f);
  }
  return *font;
}

} // namespace hg::viz
