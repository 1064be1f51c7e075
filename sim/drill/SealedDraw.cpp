#include "sim/drill/SealedDraw.hpp"

#include <algorithm>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace hg {

namespace {

std::string hex(const unsigned char* p, size_t n) {
  static const char* d = "0123456789abcdef";
  std::string s;
  for (size_t i = 0; i < n; ++i) {
    s += d[p[i] >> 4];
    s += d[p[i] & 15];
  }
  return s;
}

/// A number in [0, 1) from the secret and a purpose label (SHA-256 of both, first 53 bits).
double uniform(const std::string& secret, const std::string& label) {
  const std::string h = sha256_hex(secret + ":" + label);
  const uint64_t x = std::stoull(h.substr(0, 16), nullptr, 16);
  return double(x >> 11) / double(uint64_t(1) << 53);
}

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

} // namespace

std::string sha256_hex(const std::string& bytes) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), md, &n, EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("SHA-256 failed");
  return hex(md, n);
}

std::string random_hex(size_t bytes) {
  std::vector<unsigned char> b(bytes);
  if (RAND_bytes(b.data(), int(bytes)) != 1) throw std::runtime_error("no random bytes from OpenSSL");
  return hex(b.data(), bytes);
}

std::string Draw::canonical() const {
  // nlohmann::json sorts keys: the text is the same wherever it is computed.
  return nlohmann::json{{"pool_index", index},
                        {"template", template_ref},
                        {"scenario_sha256", scenario_sha256},
                        {"seed", seed},
                        {"start", format_iso_time(start_epoch_s)}}
      .dump();
}

Draw draw_from_secret(const Exercise& ex, const std::string& secret_hex) {
  if (ex.pool.empty()) throw std::runtime_error("the exercise has no pool");
  double total = 0;
  for (const auto& p : ex.pool)
    total += p.weight;
  const double u = uniform(secret_hex, "template") * total;
  Draw d;
  double acc = 0;
  d.index = ex.pool.size() - 1;
  for (size_t i = 0; i < ex.pool.size(); ++i) {
    acc += ex.pool[i].weight;
    if (u < acc) {
      d.index = i;
      break;
    }
  }
  d.scenario = ex.pool[d.index].scenario;
  const auto base = std::filesystem::path(ex.file).parent_path();
  d.template_ref =
      std::filesystem::path(d.scenario).lexically_relative(std::filesystem::absolute(base)).generic_string();
  if (d.template_ref.empty()) d.template_ref = d.scenario;
  d.scenario_sha256 = sha256_hex(file_bytes(d.scenario));
  d.seed = std::stoull(sha256_hex(secret_hex + ":seed").substr(0, 8), nullptr, 16); // 32 bits: easy to type
  // A day inside the window, at the template's own time of day (a night-time release stays at night;
  // hazard models may depend on it), in Hegang time (+08:00).
  const long long a = *parse_iso_time(ex.window_from), b = *parse_iso_time(ex.window_to);
  long long tod = 0;
  try {
    const YAML::Node doc = YAML::LoadFile(d.scenario);
    if (doc["start"]) {
      if (auto t = parse_iso_time(doc["start"].as<std::string>()))
        tod = ((*t + 8 * 3600) % 86400 + 86400) % 86400;
    }
  } catch (const std::exception&) {
    // a template without a readable start plays from midnight
  }
  const long long day0 =
      a - ((a + 8 * 3600) % 86400 + 86400) % 86400; // midnight (+08:00) of the window's first day
  const long long days = std::max(1LL, (b - day0) / 86400 + 1);
  long long start = day0 + (long long)(uniform(secret_hex, "start") * double(days)) * 86400 + tod;
  if (start < a) start += 86400;
  if (start > b) start -= 86400;
  d.start_epoch_s = start < a ? a : start;
  return d;
}

std::string commitment_of(const Draw& d, const std::string& secret_hex) {
  return sha256_hex(d.canonical() + secret_hex);
}

} // namespace hg
