// Report files land only where the command line says: names that come from a suite
// (technique, suite, service and case names) become parts of file names in the HTML
// folder, and none of them may lead outside it or to a name the file system refuses.
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "reports/model/results.hpp"
#include "reports/writers/writer.hpp"
#include "tests/reports/fake_results.hpp"
#include "tests/reports/test_files.hpp"

namespace glassbox::reports {
namespace {

namespace fs = std::filesystem;
using testing::run_of;
using testing::TempDir;

// Names a suite author (or a hostile suite) may write, each one a path in disguise.
const std::vector<std::string> kPathNames = {
    "../escaped", "../../../../tmp/glassbox-escaped", "/etc/passwd", "a/b/c", "..\\..\\windows", "..", ".",
    "~/home", "C:\\evil", "name with spaces/./..", "-rf", "%2e%2e%2fencoded", "ünïcödé/../x",
    std::string(300, 'a') + "/long"};

// A run with one case per hostile technique name, in a suite and services named likewise,
// with an item covered by more cases than index.html lists (so coverage pages are written).
RunResults path_run() {
  std::vector<CaseResult> cases;
  for (std::size_t i = 0; i < kPathNames.size(); ++i) {
    CaseResult c;
    c.id = kPathNames[i] + "/" + std::to_string(i);
    c.suite = kPathNames[i % 3];
    c.request = kPathNames[i];
    c.technique = kPathNames[i];
    c.form = kPathNames[i];
    c.outcome = i % 2 == 0 ? Outcome::Failed : Outcome::Passed;
    c.message = "failed";
    c.trace_id = "4bf92f3577b34da6a3ce929d0e0e4736";
    cases.push_back(std::move(c));
  }
  RunResults r = run_of(cases);
  r.suites = {kPathNames[0], kPathNames[1], kPathNames[2]};
  for (const std::string& service : kPathNames) {
    CoverageItem item{kPathNames[0], service, "operations", service, true, {}};
    for (const CaseResult& c : r.cases) item.cases.push_back(c.id);
    r.coverage.push_back(item);
    r.coverage_totals.push_back(CoverageTotal{kPathNames[0], service, "operations", 1, 1, std::nullopt});
  }
  return r;
}

// Every file under `root`, as paths relative to it.
std::set<std::string> files_under(const fs::path& root) {
  std::set<std::string> out;
  for (const fs::directory_entry& e : fs::recursive_directory_iterator(root))
    if (!e.is_directory()) out.insert(fs::relative(e.path(), root).generic_string());
  return out;
}

TEST(ReportPaths, HtmlPagesStayInTheChosenFolderWhateverTheSuiteNames) {
  const TempDir sandbox;  // the output folder sits two levels down, so "../" has somewhere to go
  const fs::path out = sandbox / "a/b/html";
  const Status written = html_writer().write(path_run(), out);
  ASSERT_TRUE(written.ok()) << written.error().to_string();
  const std::set<std::string> files = files_under(sandbox.path());
  ASSERT_FALSE(files.empty());
  for (const std::string& f : files) {
    EXPECT_TRUE(f.starts_with("a/b/html/")) << f << " was written outside the report folder";
    const std::string name = f.substr(std::string("a/b/html/").size());
    EXPECT_EQ(name.find('/'), std::string::npos) << f << ": the report folder has no subfolders";
    EXPECT_LE(name.size(), 255u) << f;
    EXPECT_EQ(name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-."), std::string::npos) << f;
  }
  EXPECT_TRUE(files.count("a/b/html/index.html"));
  EXPECT_TRUE(files.count("a/b/html/report.css"));
  EXPECT_FALSE(fs::exists("/tmp/glassbox-escaped")) << "a page escaped to /tmp";
}

TEST(ReportPaths, EveryPageTheIndexLinksToWasWrittenInTheFolder) {
  const TempDir sandbox;
  const fs::path out = sandbox / "html";
  ASSERT_TRUE(html_writer().write(path_run(), out).ok());
  const std::string index = testing::read_file(out / "index.html");
  // Every local href is a plain file name of the folder (with an optional #fragment).
  for (std::size_t at = index.find("href=\""); at != std::string::npos; at = index.find("href=\"", at + 1)) {
    const std::size_t start = at + 6;
    const std::string href = index.substr(start, index.find('"', start) - start);
    if (href.empty() || href[0] == '#') continue;
    const std::string file = href.substr(0, href.find('#'));
    EXPECT_EQ(file.find('/'), std::string::npos) << href;
    EXPECT_TRUE(fs::exists(out / file)) << href << " is linked but was not written";
  }
}

TEST(ReportPaths, SingleFileReportsAreWrittenExactlyWhereAsked) {
  const TempDir sandbox;
  const RunResults run = path_run();
  ASSERT_TRUE(json_writer().write(run, sandbox / "r.json").ok());
  ASSERT_TRUE(junit_writer().write(run, sandbox / "r.xml").ok());
  ASSERT_TRUE(markdown_writer().write(run, sandbox / "r.md").ok());
  EXPECT_EQ(files_under(sandbox.path()), (std::set<std::string>{"r.json", "r.md", "r.xml"}))
      << "a writer left a temporary file or wrote elsewhere";
}

}  // namespace
}  // namespace glassbox::reports
