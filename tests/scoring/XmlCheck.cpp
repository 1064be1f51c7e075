/// @file
/// @brief The strict XML checker used by the report tests (see XmlCheck.hpp).
#include "XmlCheck.hpp"

#include <cctype>

namespace hg::test {

bool valid_utf8(const std::string& s) {
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = s[i];
    size_t n = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : 9;
    if (n == 9 || i + n >= s.size() + (n == 0 ? 1 : 0))
      return false;
    unsigned cp = n == 0 ? c : n == 1 ? c & 0x1F : n == 2 ? c & 0x0F : c & 0x07;
    for (size_t k = 1; k <= n; ++k) {
      const unsigned char d = s[i + k];
      if ((d >> 6) != 2)
        return false;
      cp = cp << 6 | (d & 0x3F);
    }
    if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += n + 1;
  }
  return true;
}

namespace {

bool decode(const std::string& raw, std::string& out, std::string& err) {
  out.clear();
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '<') {
      err = "'<' in text or attribute";
      return false;
    }
    if (raw[i] != '&') {
      out += raw[i];
      continue;
    }
    const size_t semi = raw.find(';', i);
    if (semi == std::string::npos || semi - i > 10) {
      err = "bare '&'";
      return false;
    }
    const std::string ent = raw.substr(i + 1, semi - i - 1);
    if (ent == "amp")
      out += '&';
    else if (ent == "lt")
      out += '<';
    else if (ent == "gt")
      out += '>';
    else if (ent == "quot")
      out += '"';
    else if (ent == "apos")
      out += '\'';
    else if (ent.size() > 1 && ent[0] == '#')
      out += '?';
    else {
      err = "unknown entity &" + ent + ";";
      return false;
    }
    i = semi;
  }
  return true;
}

bool name_char(char c) { return std::isalnum((unsigned char)c) || c == '-' || c == '_' || c == ':' || c == '.'; }

} // namespace

XmlCheck check_xml(const std::string& doc) {
  XmlCheck r;
  auto fail = [&](size_t pos, const std::string& msg) {
    r.ok = false;
    const size_t from = pos > 60 ? pos - 60 : 0;
    r.error = "offset " + std::to_string(pos) + ": " + msg + " near: " + doc.substr(from, 120);
    return r;
  };
  std::vector<size_t> open; // indexes into r.elements
  size_t i = 0;
  bool root_seen = false;
  while (i < doc.size()) {
    if (doc[i] != '<') {
      const size_t next = doc.find('<', i);
      const std::string raw = doc.substr(i, next == std::string::npos ? std::string::npos : next - i);
      std::string text, err;
      if (!decode(raw, text, err))
        return fail(i, err);
      if (open.empty() && text.find_first_not_of(" \t\r\n") != std::string::npos)
        return fail(i, "text outside the root element");
      for (size_t k : open)
        r.elements[k].text += text;
      i = next == std::string::npos ? doc.size() : next;
      continue;
    }
    if (doc.compare(i, 4, "<!--") == 0) {
      const size_t end = doc.find("-->", i);
      if (end == std::string::npos)
        return fail(i, "unclosed comment");
      i = end + 3;
      continue;
    }
    if (doc.compare(i, 9, "<!DOCTYPE") == 0) {
      if (root_seen)
        return fail(i, "DOCTYPE after the root");
      i = doc.find('>', i) + 1;
      continue;
    }
    if (doc.compare(i, 2, "</") == 0) {
      size_t j = i + 2;
      while (j < doc.size() && name_char(doc[j]))
        ++j;
      const std::string name = doc.substr(i + 2, j - i - 2);
      while (j < doc.size() && std::isspace((unsigned char)doc[j]))
        ++j;
      if (j >= doc.size() || doc[j] != '>')
        return fail(i, "bad end tag");
      if (open.empty() || r.elements[open.back()].name != name)
        return fail(i, "end tag </" + name + "> does not match <" +
                           (open.empty() ? std::string("nothing") : r.elements[open.back()].name) + ">");
      open.pop_back();
      i = j + 1;
      continue;
    }
    // start tag
    size_t j = i + 1;
    while (j < doc.size() && name_char(doc[j]))
      ++j;
    XmlElement el;
    el.name = doc.substr(i + 1, j - i - 1);
    if (el.name.empty())
      return fail(i, "'<' not followed by a tag name");
    if (open.empty() && root_seen)
      return fail(i, "second root element");
    root_seen = true;
    bool self_close = false;
    while (true) {
      while (j < doc.size() && std::isspace((unsigned char)doc[j]))
        ++j;
      if (j >= doc.size())
        return fail(i, "unterminated tag");
      if (doc[j] == '>') {
        ++j;
        break;
      }
      if (doc.compare(j, 2, "/>") == 0) {
        self_close = true;
        j += 2;
        break;
      }
      const size_t a0 = j;
      while (j < doc.size() && name_char(doc[j]))
        ++j;
      const std::string an = doc.substr(a0, j - a0);
      if (an.empty() || j >= doc.size() || doc[j] != '=' || j + 1 >= doc.size() || (doc[j + 1] != '"' && doc[j + 1] != '\''))
        return fail(a0, "attribute must be name=\"value\" in <" + el.name + ">");
      const char q = doc[j + 1];
      const size_t end = doc.find(q, j + 2);
      if (end == std::string::npos)
        return fail(a0, "unterminated attribute value");
      std::string val, err;
      if (!decode(doc.substr(j + 2, end - j - 2), val, err))
        return fail(j, err + " in attribute " + an);
      if (el.attrs.count(an))
        return fail(a0, "duplicate attribute " + an);
      el.attrs[an] = val;
      j = end + 1;
    }
    r.elements.push_back(el);
    if (!self_close)
      open.push_back(r.elements.size() - 1);
    i = j;
  }
  if (!open.empty())
    return fail(doc.size(), "unclosed <" + r.elements[open.back()].name + ">");
  if (!root_seen)
    return fail(0, "no root element");
  return r;
}

} // namespace hg::test
