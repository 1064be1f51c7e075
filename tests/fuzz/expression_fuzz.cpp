// libFuzzer target: any text given to the plan-condition parser gives an expression or an error,
// never a crash, a stack overflow or undefined behaviour; a parsed expression can be evaluated,
// explained and ranged.
#include "sim/engine/Beliefs.hpp"
#include "sim/plan/Expression.hpp"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::string err;
  auto e = hg::Expression::parse(text, err);
  if (!e) return 0;
  hg::Beliefs b;
  hg::EvalContext ctx;
  ctx.beliefs = &b;
  ctx.now_s = 3600;
  (void)e->eval(ctx);
  (void)e->explain(ctx);
  (void)e->range(nullptr, 24);
  e->visit([](const std::string&, const std::string&) {});
  return 0;
}
