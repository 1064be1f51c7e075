// Golden log of the bundled water-inrush scenario (scenarios/mine/zhenxing-water-inrush.yaml) with its
// plan, played with the uncertain inputs as written (--nominal): a diff shows exactly what behaviour
// changed. Regenerate with tests/golden/update.sh after an intended change, and explain it in the commit.
#include "../core/TestSupport.hpp"

#include <catch2/catch.hpp>

TEST_CASE("golden log of the bundled water-inrush mine scenario", "[mine][golden]") {
  const std::string d = hgtest::temp_dir("golden-mine");
  auto r = hgtest::hgdrill("run " + hgtest::source("scenarios/mine/zhenxing-water-inrush.yaml") +
                           " --nominal --no-report --no-baseline --quiet --out " + d + "/run");
  REQUIRE(r.code == 0);
  const std::string want = hgtest::read(hgtest::source("tests/golden/mine_zhenxing.events.jsonl"));
  REQUIRE_FALSE(want.empty());
  CHECK(hgtest::read(d + "/run/events.jsonl") == want);
}
