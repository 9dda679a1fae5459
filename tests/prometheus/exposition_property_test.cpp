// Whatever the bytes, the parser answers with a value or a located error, never a crash.
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "probes/prometheus/exposition.hpp"

namespace glassbox::prometheus {
namespace {

std::vector<std::string> fixture_lines() {
  std::ifstream in(std::string(GLASSBOX_TEST_DATA) + "/fixtures/metrics.prom", std::ios::binary);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

void check_value_or_located_error(const std::string& text) {
  for (const ExpositionFormat format : {ExpositionFormat::Text, ExpositionFormat::OpenMetrics}) {
    const auto parsed = parse_exposition(text, format);
    if (!parsed.ok()) RC_ASSERT(parsed.error().message.rfind("metrics line ", 0) == 0);
  }
}

RC_GTEST_PROP(ExpositionProperty, RandomBytesGiveAValueOrALocatedError, (const std::string& bytes)) {
  check_value_or_located_error(bytes);
}

RC_GTEST_PROP(ExpositionProperty, MutatedFixtureLinesGiveAValueOrALocatedError, ()) {
  static const std::vector<std::string> lines = fixture_lines();
  RC_PRE(!lines.empty());
  std::string line = *rc::gen::elementOf(lines);
  const int edits = *rc::gen::inRange(1, 4);
  for (int i = 0; i < edits; ++i) {
    const std::size_t at = *rc::gen::inRange<std::size_t>(0, line.size() + 1);
    const char c = *rc::gen::elementOf(std::string("{}\"\\=, #\n\t+-.eInfNa0_:\x01\xff"));
    switch (*rc::gen::inRange(0, 3)) {
      case 0: line.insert(at, 1, c); break;
      case 1: if (at < line.size()) line.erase(at, 1); break;
      default: if (at < line.size()) line[at] = c; break;
    }
  }
  check_value_or_located_error("# TYPE a counter\na 1\n" + line + "\n");
  check_value_or_located_error(line);
}

}  // namespace
}  // namespace glassbox::prometheus
