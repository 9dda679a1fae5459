// A run with no cases but a load phase and SLOs (a beta run with `cases: none`) is judged by
// its SLOs: the HTML banner, the console totals and the Markdown headline say their outcome
// instead of "No cases ran", and the HTML report leaves out the empty case panels.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "large_run.hpp"
#include "reports/writers/console.hpp"
#include "reports/writers/writer.hpp"

namespace glassbox::reports {
namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The large run's load phase and its two SLOs (p99 failed, error rate met), without cases.
RunResults load_only_run() {
  RunResults r = testing::large_run(0);
  r.coverage.clear();
  r.coverage_totals.clear();
  r.telemetry = Telemetry{};
  return r;
}

class LoadOnlyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / fs::path("glassbox-load-only-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                                                "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(LoadOnlyTest, HtmlBannerSaysTheSloOutcomeAndShowsTheLoadLatency) {
  ASSERT_TRUE(html_writer().write(load_only_run(), dir_).ok());
  const std::string index = read(dir_ / "index.html");
  EXPECT_NE(index.find("<div class=\"verdict-headline\">1 of 2 SLOs failed</div>"), std::string::npos);
  EXPECT_EQ(index.find("No cases ran"), std::string::npos);
  EXPECT_EQ(index.find("<section id=\"latency\""), std::string::npos);
  EXPECT_EQ(index.find("<section id=\"techniques\""), std::string::npos);
  EXPECT_EQ(index.find("<section id=\"failures\""), std::string::npos);
  EXPECT_NE(index.find("<section class=\"panel load-latency\"><h2>Load latency <span class=\"h2-note\">shop · 12000 "
                       "requests</span></h2>"),
            std::string::npos);
  EXPECT_NE(index.find("<span class=\"tile-value\">1</span><span class=\"tile-label\">failed</span>"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir_ / "failures.html"));
}

TEST_F(LoadOnlyTest, HtmlBannerSaysAllSlosMetWhenNoneFailed) {
  RunResults run = load_only_run();
  run.slos.front().verdict = Verdict::Pass;
  ASSERT_TRUE(html_writer().write(run, dir_).ok());
  EXPECT_NE(read(dir_ / "index.html").find("<div class=\"verdict-headline\">All 2 SLOs met</div>"), std::string::npos);
}

TEST_F(LoadOnlyTest, MarkdownLeadsWithTheSlosInsteadOfZeroCases) {
  ASSERT_TRUE(markdown_writer().write(load_only_run(), dir_ / "summary.md").ok());
  const std::string md = read(dir_ / "summary.md");
  EXPECT_NE(md.find("**FAILED**: 1 of 2 SLOs failed (no cases, load only).\n"), std::string::npos);
  EXPECT_EQ(md.find("0 of 0 cases passed"), std::string::npos);
  EXPECT_EQ(md.find("## Totals"), std::string::npos);
  EXPECT_EQ(md.find("## By technique"), std::string::npos);
  EXPECT_EQ(md.find("## Cases"), std::string::npos);
}

TEST(LoadOnlyConsole, TotalsLineSaysTheSloOutcome) {
  const RunResults run = load_only_run();
  std::ostringstream out;
  ConsoleReporter console(out, ConsoleOptions{});
  console.on_start(run.suites, 0);
  console.on_finish(run, {});
  EXPECT_NE(out.str().find("\nno cases, load only: 1 of 2 SLOs failed in 61.00 s\n"), std::string::npos) << out.str();
  EXPECT_EQ(out.str().find("0 cases:"), std::string::npos);
}

}  // namespace
}  // namespace glassbox::reports
