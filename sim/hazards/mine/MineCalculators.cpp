/// @file
/// @brief The ventilation calculator. Its JSON (`{"branches":[{"id","flow_m3_s","pressure_drop_pa"}],
/// "iterations":N}`) is a stable interface that users' scripts rely on: keep the names.
#include "sim/hazards/mine/MineCalculators.hpp"

#include "sim/hazards/mine/MineNetworkLoader.hpp"
#include "sim/hazards/mine/NetworkState.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <memory>
#include <stdexcept>

namespace hg::mine {

int run_ventilation_calculator(const std::string& file, bool json) {
  Diagnostics diag;
  auto net = load_mine_network_file(file, diag, {});
  if (!net) {
    std::cerr << diag.str();
    return calc_exit::kInvalidInput;
  }
  if (diag.warning_count()) std::cerr << diag.str();
  VentSolution s;
  try {
    s = solve_ventilation(vent_problem(*net, initial_state(*net)));
  } catch (const std::invalid_argument& e) {
    std::cerr << file << ": error: " << e.what() << "\n";
    return calc_exit::kInvalidInput;
  }
  if (!s.converged)
    std::cerr << "hgdrill model ventilation: warning: did not converge after " << s.iterations
              << " iterations (largest mesh imbalance " << s.max_imbalance_pa << " Pa)\n";
  if (json) {
    nlohmann::ordered_json out;
    out["branches"] = nlohmann::ordered_json::array();
    for (size_t i = 0; i < net->branches.size(); ++i)
      out["branches"].push_back(
          {{"id", net->branches[i].id}, {"flow_m3_s", s.q_m3_s[i]}, {"pressure_drop_pa", s.dp_pa[i]}});
    out["iterations"] = s.iterations;
    std::cout << out.dump() << std::endl;
  } else {
    std::printf("通风网络解算 Ventilation network (Hardy Cross): %s\n", file.c_str());
    std::printf("  网孔 meshes %d, 迭代 iterations %d, %s\n", s.meshes, s.iterations,
                s.converged ? "收敛 converged" : "未收敛 NOT converged");
    std::printf("%-20s %16s %22s\n", "分支 branch", "风量 Q m3/s", "压降 pressure drop Pa");
    for (size_t i = 0; i < net->branches.size(); ++i)
      std::printf("%-20s %16.4f %22.3f\n", net->branches[i].id.c_str(), s.q_m3_s[i], s.dp_pa[i]);
  }
  return s.converged ? calc_exit::kOk : 1;
}

std::vector<Calculator> mine_calculators() {
  struct Options {
    std::string file;
    bool json = false;
  };
  auto o = std::make_shared<Options>();
  Calculator vent{
      "ventilation", "Mine ventilation network airflow (Hardy Cross) / 矿井通风网络解算", [o](CLI::App& sub) {
        sub.add_option("network", o->file, "mine network file (mine/1, or branches + boundary/fans)")
            ->required();
        sub.add_flag("--json", o->json,
                     "print {\"branches\":[{\"id\",\"flow_m3_s\",\"pressure_drop_pa\"}],\"iterations\":N}");
        return std::function<int()>([o] { return run_ventilation_calculator(o->file, o->json); });
      }};
  return {vent};
}

} // namespace hg::mine
