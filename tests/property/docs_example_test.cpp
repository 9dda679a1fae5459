// The example of docs/suite-format.md's "Property-based" section loads, generates the one
// case the text describes, and its option error reads as the text quotes it.
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "generators/generator.hpp"
#include "suites/loader/loader.hpp"

namespace glassbox::property_test {
namespace {

// The first ```yaml block of the reference that holds `marker`.
std::string doc_example(const std::string& marker) {
  std::ifstream in(std::string(GLASSBOX_SOURCE_DIR) + "/docs/suite-format.md");
  std::stringstream text;
  text << in.rdbuf();
  const std::string doc = text.str();
  for (auto at = doc.find("```yaml\n"); at != std::string::npos; at = doc.find("```yaml\n", at + 1)) {
    const auto start = at + 8;
    std::string block = doc.substr(start, doc.find("```", start) - start);
    if (block.find(marker) != std::string::npos) return block;
  }
  ADD_FAILURE() << "no yaml block with " << marker;
  return "";
}

TEST(PropertyDocs, TheExampleGeneratesOneCaseDrawingBothInputs) {
  auto loaded = loader::load_suite_text(doc_example("technique: property"), "doc.yaml");
  ASSERT_TRUE(loaded.ok()) << loaded.error().to_string();
  auto cases = generators::generate_all(*loaded, 1);
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  ASSERT_EQ(cases->size(), 1u);
  EXPECT_EQ(cases->front().label, "a, b drawn from the named classes, 200 runs");
  EXPECT_EQ(cases->front().property->max_requests, 400);
  EXPECT_EQ(cases->front().property->inputs[1].classes, std::vector<std::string>{"small"});
}

TEST(PropertyDocs, TheQuotedOptionErrorIsTheOneGiven) {
  std::string yaml = doc_example("technique: property");
  const std::string runs = "runs: 200";
  yaml.replace(yaml.find(runs), runs.size(), "runs: 0");
  auto loaded = loader::load_suite_text(yaml, "doc.yaml");
  ASSERT_TRUE(loaded.ok()) << loaded.error().to_string();
  auto cases = generators::generate_all(*loaded, 1);
  ASSERT_FALSE(cases.ok());
  EXPECT_EQ(cases.error().message, "technique 'property' of request 'add': option 'runs' must be 1..100000, got 0");
}

}  // namespace
}  // namespace glassbox::property_test
