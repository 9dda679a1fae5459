// Golden files (approved output): the fake run goes through every machine-readable
// writer and must match tests/data/golden/ byte for byte. The output is deterministic,
// so nothing is normalised. To approve an intended change, run scripts/accept-golden.sh
// (it sets GLASSBOX_ACCEPT_GOLDEN=1, which makes this test write what it produced).
#include <gtest/gtest.h>

#include <cstdlib>

#include "reports/writers/writer.hpp"
#include "tests/reports/fake_results.hpp"
#include "tests/reports/test_files.hpp"

namespace glassbox::reports {
namespace {

const std::filesystem::path kGolden = GLASSBOX_TEST_DATA "/golden";

bool accepting() {
  const char* accept = std::getenv("GLASSBOX_ACCEPT_GOLDEN");
  return accept && std::string_view(accept) == "1";
}

void expect_matches_golden(const ReportWriter& writer, const std::string& file) {
  const testing::TempDir dir;
  const Status s = writer.write(testing::fake_results(), dir / file);
  ASSERT_TRUE(s.ok()) << s.error().message;
  const std::string actual = testing::read_file(dir / file);
  const std::filesystem::path approved = kGolden / file;
  if (accepting()) {
    std::filesystem::create_directories(kGolden);
    testing::write_file(approved, actual);
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(approved)) << approved << " is missing: run scripts/accept-golden.sh";
  EXPECT_EQ(actual, testing::read_file(approved))
      << writer.name() << " output differs from " << approved
      << "; if the change is intended, run scripts/accept-golden.sh and review the diff";
}

TEST(Golden, ResultsJsonMatchesTheApprovedFile) { expect_matches_golden(json_writer(), "results.json"); }
TEST(Golden, JunitMatchesTheApprovedFile) { expect_matches_golden(junit_writer(), "junit.xml"); }
TEST(Golden, MarkdownMatchesTheApprovedFile) { expect_matches_golden(markdown_writer(), "report.md"); }

}  // namespace
}  // namespace glassbox::reports
