/// @file
/// @brief The flood model's hydraulic formulas as `hgdrill model route|manning|weir` (Muskingum routing,
/// Manning's equation, broad-crested weir), for checking numbers by hand and for scripts (--json).
#include "sim/hazards/flood/FloodCalculators.hpp"

#include "sim/hazards/flood/ChannelSection.hpp"
#include "sim/hazards/flood/Manning.hpp"
#include "sim/hazards/flood/Muskingum.hpp"
#include "sim/hazards/flood/Weir.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace hg::flood {

namespace {

/// Everything the three sub-commands parse into; shared with the runner through a shared_ptr because
/// CLI11 writes into it after add_model_command has returned.
struct ModelOptions {
  bool json = false;
  // route
  double k_h = 0;
  double x = 0;
  double dt_h = 0;
  std::vector<double> inflow_m3_s;
  double initial_outflow_m3_s = 0;
  CLI::Option* initial_outflow = nullptr;
  // manning
  std::string section;
  double width_m = 0;
  double side_slope = 0;
  double diameter_m = 0;
  double depth_m = 0;
  double n = 0;
  double slope = 0;
  CLI::Option* width = nullptr;
  CLI::Option* side_slope_opt = nullptr;
  CLI::Option* diameter = nullptr;
  // weir
  double crest_width_m = 0;
  double head_m = 0;
  double coefficient = kBroadCrestedWeirCoefficient;
};

/// The formulas name their arguments in snake_case ("k_h: expected …"); on the command line the user
/// typed options, so the message is rewritten to name the option ("--k-h: expected …").
std::string name_option(const std::string& message,
                        const std::vector<std::pair<std::string, std::string>>& names) {
  for (const auto& [field, option] : names)
    if (message.compare(0, field.size(), field) == 0 &&
        (message.size() == field.size() || message[field.size()] == ':' || message[field.size()] == '['))
      return option + message.substr(field.size());
  return message;
}

int invalid(const std::string& verb, const std::string& message) {
  std::cerr << "hgdrill model " << verb << ": error: " << message << "\n";
  return calc_exit::kInvalidInput;
}

void print_json(const nlohmann::ordered_json& j) {
  std::cout << j.dump() << std::endl;
}

int run_route(const ModelOptions& o) {
  const std::vector<std::pair<std::string, std::string>> names = {{"k_h", "--k-h"},
                                                                  {"x", "--x"},
                                                                  {"dt_h", "--dt-h"},
                                                                  {"inflow", "--inflow"},
                                                                  {"initial_outflow", "--initial-outflow"}};
  std::vector<double> outflow;
  std::vector<std::string> warnings;
  MuskingumCoefficients c;
  try {
    const Muskingum reach(o.k_h, o.x, o.dt_h);
    std::optional<double> initial;
    if (o.initial_outflow && o.initial_outflow->count() > 0) initial = o.initial_outflow_m3_s;
    outflow = reach.route(o.inflow_m3_s, initial);
    warnings = reach.warnings();
    c = reach.coefficients();
  } catch (const std::invalid_argument& e) {
    return invalid("route", name_option(e.what(), names));
  }
  for (const std::string& w : warnings)
    std::cerr << "hgdrill model route: warning: " << name_option(w, names) << "\n";
  if (o.json) {
    print_json({{"outflow", outflow}});
    return calc_exit::kOk;
  }
  std::printf("马斯京根演算 Muskingum routing: K = %g h, X = %g, Δt = %g h\n", o.k_h, o.x, o.dt_h);
  std::printf("系数 coefficients: C0 = %.4f, C1 = %.4f, C2 = %.4f\n", c.c0, c.c1, c.c2);
  std::printf("%8s  %16s  %16s\n", "t (h)", "入流 inflow m3/s", "出流 outflow m3/s");
  for (size_t i = 0; i < outflow.size(); ++i)
    std::printf("%8g  %16.3f  %16.3f\n", static_cast<double>(i) * o.dt_h, o.inflow_m3_s[i], outflow[i]);
  return calc_exit::kOk;
}

int run_manning(const ModelOptions& o) {
  const std::vector<std::pair<std::string, std::string>> names = {{"section", "--section"},
                                                                  {"width_m", "--width-m"},
                                                                  {"side_slope", "--side-slope"},
                                                                  {"diameter_m", "--diameter-m"},
                                                                  {"depth_m", "--depth-m"},
                                                                  {"n", "--n"},
                                                                  {"slope", "--slope"}};
  ManningFlow flow;
  try {
    const SectionShape shape = parse_section_shape(o.section);
    auto needs = [&](CLI::Option* opt, const char* name) {
      if (!opt || opt->count() == 0)
        throw std::logic_error(std::string(name) + " is required for --section " + o.section);
    };
    std::optional<ChannelSection> section;
    if (shape == SectionShape::kRectangular) {
      needs(o.width, "--width-m");
      section = ChannelSection::rectangular(o.width_m);
    } else if (shape == SectionShape::kTrapezoidal) {
      needs(o.width, "--width-m");
      needs(o.side_slope_opt, "--side-slope");
      section = ChannelSection::trapezoidal(o.width_m, o.side_slope);
    } else {
      needs(o.diameter, "--diameter-m");
      section = ChannelSection::circular(o.diameter_m);
    }
    flow = manning_flow(*section, o.depth_m, o.n, o.slope);
  } catch (const std::invalid_argument& e) {
    return invalid("manning", name_option(e.what(), names));
  } catch (const std::logic_error& e) {
    std::cerr << "hgdrill model manning: " << e.what() << "\nRun with --help for more information.\n";
    return calc_exit::kUsage;
  }
  if (o.json) {
    print_json({{"area_m2", flow.geometry.area_m2},
                {"wetted_perimeter_m", flow.geometry.wetted_perimeter_m},
                {"hydraulic_radius_m", flow.geometry.hydraulic_radius_m},
                {"velocity_m_s", flow.velocity_m_s},
                {"discharge_m3_s", flow.discharge_m3_s}});
    return calc_exit::kOk;
  }
  std::printf("曼宁公式 Manning (%s, y = %g m, n = %g, S = %g)\n", o.section.c_str(), o.depth_m, o.n,
              o.slope);
  std::printf("  过水面积 area             %12.4f m2\n", flow.geometry.area_m2);
  std::printf("  湿周 wetted perimeter     %12.4f m\n", flow.geometry.wetted_perimeter_m);
  std::printf("  水力半径 hydraulic radius %12.4f m\n", flow.geometry.hydraulic_radius_m);
  std::printf("  流速 velocity             %12.4f m/s\n", flow.velocity_m_s);
  std::printf("  流量 discharge            %12.4f m3/s\n", flow.discharge_m3_s);
  return calc_exit::kOk;
}

int run_weir(const ModelOptions& o) {
  const std::vector<std::pair<std::string, std::string>> names = {
      {"crest_width_m", "--crest-width-m"}, {"head_m", "--head-m"}, {"coefficient", "--coefficient"}};
  double q = 0;
  try {
    // A negative head is a typing error here, not "no flow" as inside the model.
    if (!(o.head_m >= 0))
      throw std::invalid_argument("head_m: expected a number >= 0 m (got " + std::to_string(o.head_m) + ")");
    q = weir_discharge_m3_s(o.crest_width_m, o.head_m, o.coefficient);
  } catch (const std::invalid_argument& e) {
    return invalid("weir", name_option(e.what(), names));
  }
  if (o.json) {
    print_json({{"discharge_m3_s", q}});
    return calc_exit::kOk;
  }
  std::printf("宽顶堰 Broad-crested weir: Q = C·B·H^1.5\n");
  std::printf("  堰宽 crest width B     %10.4f m\n", o.crest_width_m);
  std::printf("  堰上水头 head H        %10.4f m\n", o.head_m);
  std::printf("  流量系数 coefficient C %10.4f m^0.5/s\n", o.coefficient);
  std::printf("  流量 discharge Q       %10.4f m3/s\n", q);
  return calc_exit::kOk;
}

} // namespace

std::vector<Calculator> flood_calculators() {
  // The three calculators share one options struct (CLI11 writes into it after registration).
  auto o = std::make_shared<ModelOptions>();
  Calculator route{"route", "Muskingum channel routing / 马斯京根河道洪水演算", [o](CLI::App& route) {
    route.add_option("--k-h", o->k_h, "storage constant K of the reach, hours (> 0)")->required();
    route.add_option("--x", o->x, "weighting factor X, 0 to 0.5")->required();
    route.add_option("--dt-h", o->dt_h, "time step of the inflow series, hours (> 0)")->required();
    route.add_option("--inflow", o->inflow_m3_s, "inflow hydrograph Q1,Q2,... in m3/s, one per time step")
        ->required()
        ->delimiter(',');
    o->initial_outflow = route.add_option("--initial-outflow", o->initial_outflow_m3_s,
                                          "outflow at t = 0 in m3/s (default: the first inflow)");
    route.add_flag("--json", o->json, "print {\"outflow\": [...]} on one line");
    return std::function<int()>([o] { return run_route(*o); });
  }};
  Calculator manning{"manning", "Manning uniform flow / 曼宁公式均匀流计算", [o](CLI::App& manning) {
    manning.add_option("--section", o->section, "rectangular | trapezoidal | circular")->required();
    o->width = manning.add_option("--width-m", o->width_m, "bottom width B, m (rectangular, trapezoidal)");
    o->side_slope_opt = manning.add_option("--side-slope", o->side_slope,
                                           "side slope z, horizontal per 1 vertical (trapezoidal)");
    o->diameter = manning.add_option("--diameter-m", o->diameter_m, "pipe diameter D, m (circular)");
    manning.add_option("--depth-m", o->depth_m, "flow depth y, m (<= D for circular)")->required();
    manning.add_option("--n", o->n, "Manning roughness n, s/m^(1/3)")->required();
    manning.add_option("--slope", o->slope, "bed (energy) slope S, m/m")->required();
    manning.add_flag("--json", o->json, "print one JSON object on one line");
    return std::function<int()>([o] { return run_manning(*o); });
  }};
  Calculator weir{"weir", "Broad-crested weir / 宽顶堰流量 (Q = C·B·H^1.5)", [o](CLI::App& weir) {
    weir.add_option("--crest-width-m", o->crest_width_m, "crest width B, m")->required();
    weir.add_option("--head-m", o->head_m, "head H over the crest, m")->required();
    weir.add_option("--coefficient", o->coefficient, "weir coefficient C, m^0.5/s (default 1.705)");
    weir.add_flag("--json", o->json, "print {\"discharge_m3_s\": ...} on one line");
    return std::function<int()>([o] { return run_weir(*o); });
  }};
  return {route, manning, weir};
}

} // namespace hg::flood
