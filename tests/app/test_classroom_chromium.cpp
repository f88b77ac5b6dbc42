// The class report opened in a real browser: headless Chromium takes a screenshot and
// the test counts the bars' pixels. Skipped (LC_SKIP) without chromium or zlib.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "classroom/classroom_report.h"
#include "support/classroom.h"
#include "support/run.h"
#include "support/temp_story.h"
#ifdef LC_HAVE_ZLIB
#include "support/png.h"
#include "support/skip.h"
#endif

namespace {

std::string findChromium() {
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
    std::string probe = std::string("command -v ") + name + " >/dev/null 2>&1";
    if (std::system(probe.c_str()) == 0) return name;
  }
  return "";
}

// Rows whose run of bar colour is `width` pixels long (give or take a pixel).
int rowsWithBar(const std::vector<int>& runs, int width) {
  int n = 0;
  for (int r : runs) n += (r >= width - 1 && r <= width + 1);
  return n;
}

}  // namespace

SCENARIO("the class report shows its charts in headless Chromium") {
#ifndef LC_HAVE_ZLIB
  LC_SKIP("built without zlib (apt-get install zlib1g-dev): the screenshot cannot be decoded");
  return;
#else
  std::string chromium = findChromium();
  if (chromium.empty()) {
    LC_SKIP("chromium is not installed (apt-get install chromium): no screenshot of the report");
    return;
  }
  lc::test::TempDir dir;
  for (const auto& [name, text] : lc::test::classExports()) dir.write(name, text);
  auto report = lc::test::runLostCorner("report " + dir.path() + " -o " + dir.file("class.html"), "");
  REQUIRE(report.status == 0);
  lc::test::TempDir profile;
  std::string shot = dir.file("shot.png");
  std::string cmd = "timeout 120 " + chromium +
                    " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking"
                    " --disable-component-update --disable-sync --force-device-scale-factor=1 --hide-scrollbars"
                    " --user-data-dir=" + profile.path() + " --screenshot=" + shot +
                    " --window-size=1200,1600 file://" + dir.file("class.html") + " >/dev/null 2>&1";
  REQUIRE(std::system(cmd.c_str()) == 0);
  lc::test::Image image;
  std::string error;
  REQUIRE(lc::test::readPng(shot, image, error));
  CHECK(image.width == 1200);
  CHECK(image.height == 1600);
  const uint32_t bar = static_cast<uint32_t>(std::strtoul(lc::kReportBarColour + 1, nullptr, 16));
  std::vector<int> runs = lc::test::colourRuns(image, bar);
  INFO("bar-coloured runs: " << runs.size());
  // 520 px stand for every student who reached the choice point (or, for endings, the class):
  // one.gate 3 of 4 and 1 of 4, two.fork 2 of 3 and 1 of 3, endings 2 of 4 and 1 of 4.
  CHECK(rowsWithBar(runs, 390) >= 20);
  CHECK(rowsWithBar(runs, 347) >= 20);
  CHECK(rowsWithBar(runs, 260) >= 20);
  CHECK(rowsWithBar(runs, 173) >= 20);
  CHECK(rowsWithBar(runs, 130) >= 40);  // "Go straight on" and "The sea"
  CHECK(runs.size() >= 6 * 20);
#endif
}
