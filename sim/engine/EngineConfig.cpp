#include "sim/engine/EngineConfig.hpp"

namespace hg {

std::vector<std::string> engine_args(const std::vector<std::string>& user_cfg) {
  std::vector<std::string> a = {
      "hgdrill",
      "--cfg=contexts/factory:raw",
      "--cfg=contexts/stack-size:128", // KiB; the 8 MiB default caps a run near 32k live actors
      "--cfg=network/model:CM02",      // no TCP slow-start factors: delay = latency + size / bandwidth
      "--cfg=network/crosstraffic:0",
      "--log=root.thresh:critical",
      "--log=xbt_cfg.thresh:critical",
  };
  for (const auto& c : user_cfg)
    a.push_back(c.rfind("--", 0) == 0 ? c : "--cfg=" + c);
  return a;
}

} // namespace hg
