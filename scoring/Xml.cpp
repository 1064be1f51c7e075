/// @file
/// @brief XML escaping.
#include "scoring/Xml.hpp"

namespace hg::score {

std::string xml_escape(const std::string& s) {
  std::string o;
  o.reserve(s.size());
  for (char c : s) {
    switch (c) {
    case '&': o += "&amp;"; break;
    case '<': o += "&lt;"; break;
    case '>': o += "&gt;"; break;
    case '"': o += "&quot;"; break;
    case '\'': o += "&#39;"; break;
    default:
      // Control characters other than tab/newline are not allowed in XML 1.0.
      if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r')
        o += ' ';
      else
        o += c;
    }
  }
  return o;
}

} // namespace hg::score
