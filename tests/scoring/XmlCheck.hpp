#pragma once
/// @file
/// @brief A small strict XML well-formedness checker for the XHTML-style reports: balanced tags,
/// quoted unique attributes, valid entities, valid UTF-8. Collects ids, hrefs and data-* attributes
/// so tests can follow links and compare numbers.
#include <map>
#include <string>
#include <vector>

namespace hg::test {

struct XmlElement {
  std::string name;
  std::map<std::string, std::string> attrs; ///< values with entities decoded
  std::string text; ///< direct and nested text, entities decoded
};

struct XmlCheck {
  bool ok = true;
  std::string error; ///< first problem, with the byte offset
  std::vector<XmlElement> elements; ///< every element in document order
};

XmlCheck check_xml(const std::string& doc);
/// True if `s` is valid UTF-8 (no overlongs, no surrogates).
bool valid_utf8(const std::string& s);

} // namespace hg::test
