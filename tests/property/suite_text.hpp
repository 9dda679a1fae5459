// The suite the property tests load: a request summing `a` (an int, valid 1..300 as written)
// and `b` (valid 1..10, with a named class `low`), whose property use is `use` (a YAML flow
// map). The YAML goes through the real loader, so the options are read as a suite writes them.
#pragma once

#include <string>

#include <fmt/format.h>

#include "generators/generator.hpp"
#include "suites/loader/loader.hpp"

namespace glassbox::property_test {

inline std::string suite_with(const std::string& use) {
  return fmt::format(R"(suite: sums
targets:
  svc: http://127.0.0.1:9
inputs:
  a: {{type: int, min: 1, max: 300}}
  b:
    type: int
    min: 1
    max: 10
    partitions:
      valid:
        low: {{min: 1, max: 3}}
        high: {{min: 4, max: 10}}
  c: {{type: int, min: 0, max: 100}}
requests:
  r:
    method: POST
    path: /sum
    body: {{a: "{{{{a}}}}", b: "{{{{b}}}}", c: "{{{{c}}}}"}}
    expect: {{status: 200}}
    expect_invalid: {{status: 400}}
    techniques:
      - {}
)",
                     use);
}

inline suite::Suite load(const std::string& use) {
  auto loaded = loader::load_suite_text(suite_with(use), "suite.yaml");
  if (!loaded) throw std::runtime_error(loaded.error().to_string());
  return std::move(loaded.value());
}

}  // namespace glassbox::property_test
