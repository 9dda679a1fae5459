// Suites for the decision-table and cause-effect tests, loaded through the real loader so
// the tests read as what a suite author writes, and a helper to run one technique use.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "generators/generator.hpp"
#include "tests/loader/loader_test_support.hpp"

namespace glassbox::decisions_test {

// The inputs and request every test shares; `techniques` is spliced in under the request
// (indented by six spaces, as a list item of `techniques:`).
inline std::string quote_suite(std::string_view techniques) {
  return std::string(R"(suite: quotes
targets: {shop: "http://127.0.0.1:1"}
inputs:
  member: {type: bool}
  tier: {type: enum, values: [gold, silver, bronze]}
  amount:
    type: int
    min: 0
    max: 1000
    partitions:
      valid:
        small: {min: 0, max: 99}
        large: {min: 100, max: 1000}
      invalid:
        negative: {max: -1}
  note: {type: string, min_length: 1, max_length: 8}
requests:
  quote:
    method: POST
    path: /quote
    body: {member: "{{member}}", tier: "{{tier}}", amount: "{{amount}}", note: "{{note}}"}
    expect: {status: 200, json: {/currency: EUR}}
    expect_invalid: {status: 400}
    techniques:
)") + std::string(techniques);
}

// The cases of the request's first technique use, or the generation error as text.
struct Generated {
  std::vector<suite::Case> cases;
  std::string error;  // "file:line:column: message", empty when generation succeeded
};

inline Generated generate_first(const suite::Suite& suite, std::uint64_t seed = 1) {
  Generated out;
  if (suite.requests.empty() || suite.requests[0].techniques.empty()) {
    out.error = "no technique";
    return out;
  }
  const suite::TechniqueUse& use = suite.requests[0].techniques[0];
  const generators::Generator* generator = generators::find_generator(use.technique);
  if (!generator) {
    out.error = "no generator " + use.technique;
    return out;
  }
  auto cases = generator->generate({suite, suite.requests[0], use, seed});
  if (cases) out.cases = std::move(cases).value();
  else out.error = cases.error().to_string();
  return out;
}

}  // namespace glassbox::decisions_test
