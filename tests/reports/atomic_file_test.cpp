#include "reports/model/atomic_file.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include "tests/reports/test_files.hpp"

namespace glassbox::reports {
namespace {

using testing::read_file;
using testing::TempDir;

std::vector<std::string> names_in(const std::filesystem::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) names.push_back(entry.path().filename());
  std::sort(names.begin(), names.end());
  return names;
}

TEST(AtomicFile, CreatesMissingFoldersAndWritesTheContents) {
  const TempDir dir;
  const Status s = write_file_atomically(dir / "out/deeper/report.xml", "<x/>\n");
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(read_file(dir / "out/deeper/report.xml"), "<x/>\n");
}

TEST(AtomicFile, ReplacesTheOldContentsAndLeavesNoTemporaries) {
  const TempDir dir;
  ASSERT_TRUE(write_file_atomically(dir / "report.md", "a much longer first version\n").ok());
  ASSERT_TRUE(write_file_atomically(dir / "report.md", "second\n").ok());
  EXPECT_EQ(read_file(dir / "report.md"), "second\n");
  EXPECT_EQ(names_in(dir.path()), std::vector<std::string>{"report.md"});
}

TEST(AtomicFile, ReportsADestinationThatIsAFolder) {
  const TempDir dir;
  std::filesystem::create_directories(dir / "taken");
  const Status s = write_file_atomically(dir / "taken", "x");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message, "cannot write report '" + (dir / "taken").string() + "': Is a directory");
  EXPECT_EQ(names_in(dir.path()), std::vector<std::string>{"taken"});
}

TEST(AtomicFile, ReportsAParentThatIsAFile) {
  const TempDir dir;
  testing::write_file(dir / "file", "");
  const Status s = write_file_atomically(dir / "file/report.xml", "x");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message, "cannot write report '" + (dir / "file/report.xml").string() + "': Not a directory");
}

TEST(AtomicFile, ReportsAFolderWithoutWritePermission) {
  if (::geteuid() == 0) GTEST_SKIP() << "root writes anywhere";
  const TempDir dir;
  std::filesystem::create_directories(dir / "locked");
  std::filesystem::permissions(dir / "locked", std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
  const Status s = write_file_atomically(dir / "locked/x.xml", "x");
  std::filesystem::permissions(dir / "locked", std::filesystem::perms::owner_all);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message, "cannot write report '" + (dir / "locked/x.xml").string() + "': Permission denied");
}

}  // namespace
}  // namespace glassbox::reports
