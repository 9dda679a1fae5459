// docs/suite-format.md is the only documentation suite authors get, so every example in it
// must load: each ```yaml block is a complete suite, and each ```yaml-error block fails
// with exactly the message given on the line after its closing fence ("> error: ...").
// ${env:API_TOKEN} is set for the examples; every other variable is unset.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "tests/loader/loader_test_support.hpp"

namespace glassbox::loader {
namespace {

struct Block {
  int line = 0;           // of the opening fence
  bool expect_error = false;
  std::string text;
  std::string expected_error;  // for yaml-error blocks
};

std::vector<Block> yaml_blocks(const std::string& path) {
  std::ifstream in(path);
  EXPECT_TRUE(in) << "cannot open " << path;
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::vector<Block> blocks;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i] != "```yaml" && lines[i] != "```yaml-error") continue;
    Block block;
    block.line = static_cast<int>(i) + 1;
    block.expect_error = lines[i] == "```yaml-error";
    for (++i; i < lines.size() && lines[i] != "```"; ++i) block.text += lines[i] + "\n";
    if (block.expect_error) {
      const std::string marker = "> error: ";
      std::string after = i + 1 < lines.size() ? lines[i + 1] : "";
      EXPECT_EQ(after.rfind(marker, 0), 0u) << "yaml-error block at line " << block.line
                                            << " is not followed by '> error: <message>'";
      if (after.rfind(marker, 0) == 0) block.expected_error = after.substr(marker.size());
    }
    blocks.push_back(std::move(block));
  }
  return blocks;
}

TEST(SuiteFormatDoc, EveryExampleLoadsAndEveryErrorExampleFailsAsShown) {
  std::vector<Block> blocks = yaml_blocks(std::string(GLASSBOX_SOURCE_DIR) + "/docs/suite-format.md");
  int examples = 0, errors = 0;
  LoadOptions options = testing::with_env({{"API_TOKEN", "test-token"}});
  for (const Block& block : blocks) {
    std::string name = "suite-format.md:" + std::to_string(block.line);
    auto loaded = load_suite_text(block.text, name, options);
    if (block.expect_error) {
      ++errors;
      ASSERT_FALSE(loaded) << "the yaml-error block at line " << block.line << " loads";
      EXPECT_EQ(loaded.error().message, block.expected_error) << "block at line " << block.line;
    } else {
      ++examples;
      EXPECT_TRUE(loaded) << "block at line " << block.line << ": " << loaded.error().to_string();
    }
  }
  EXPECT_GE(examples, 10) << "the reference should show a complete suite for every section";
  EXPECT_GE(errors, 4);
}

// The example suites shipped with glassbox are documentation too.
TEST(ExampleSuites, EveryShippedExampleLoads) {
  int examples = 0;
  for (const auto& file : std::filesystem::directory_iterator(std::string(GLASSBOX_SOURCE_DIR) + "/suites/examples")) {
    if (file.path().extension() != ".yaml") continue;
    ++examples;
    auto loaded = load_suite_file(file.path(), testing::with_env({{"API_TOKEN", "test-token"}}));
    EXPECT_TRUE(loaded) << loaded.error().to_string();
  }
  EXPECT_GE(examples, 1);
}

}  // namespace
}  // namespace glassbox::loader
