#include "sim/ensemble/EnsembleSpec.hpp"

#include <filesystem>

namespace hg::ensemble {

uint64_t replica_seed(uint64_t ensemble_seed, std::size_t k) {
  uint64_t z = ensemble_seed + (uint64_t(k) + 1) * 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  z ^= z >> 31;
  // Seeds are written to JSON and SQLite (signed 64-bit): keep them below 2^63.
  return z >> 1;
}

nlohmann::json spec_json(const EnsembleSpec& s) {
  auto abs = [](const std::string& p) { return std::filesystem::absolute(p).lexically_normal().string(); };
  nlohmann::json plans = nlohmann::json::array();
  for (std::size_t i = 0; i < s.plans.size(); ++i)
    plans.push_back({{"label", s.labels.at(i)}, {"file", abs(s.plans[i])}});
  if (s.plans.empty() && !s.labels.empty()) plans.push_back({{"label", s.labels[0]}, {"file", nullptr}});
  return {{"format", "ensemble/1"},
          {"scenario", abs(s.scenario)},
          {"scenario_id", s.scenario_id},
          {"seed", s.seed},
          {"plans", plans},
          {"baselines", s.baselines}};
}

} // namespace hg::ensemble
