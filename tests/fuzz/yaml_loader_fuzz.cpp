// libFuzzer target: any bytes given to the YAML loaders must give diagnostics, never a crash, a hang
// or undefined behaviour. The input is written to a file so the real file-based loaders run: the
// same bytes as a scenario, a map, resources, comms, a plan, a rubric and a mine network (the
// header decides what each loader accepts; the corpus in tests/fuzz/corpus/yaml has each kind).
#include "scoring/Rubric.hpp"
#include "sim/hazards/mine/MineNetworkLoader.hpp"
#include "sim/io/Scenario.hpp"
#include "sim/io/WorldLoader.hpp"
#include "sim/plan/Plan.hpp"

#include <cstdint>
#include <fstream>
#include <string>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = "/tmp/hgdrill-fuzz-" + std::to_string(getpid()) + ".yaml";
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), std::streamsize(size));
  }
  hg::Diagnostics d;
  hg::World w = hg::load_world({path, path, path}, d);
  hg::load_plan(path, &w, d);
  hg::load_scenario(path, d);
  hg::score::load_rubric(path, d);
  hg::mine::load_mine_network_file(path, d, {true, true});
  (void)d.str();
  return 0;
}
