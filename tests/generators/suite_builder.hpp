// Small builders for suites in generator tests: inputs with named classes, and a request
// whose query uses every input, so tests read as the suite they stand for. The YAML
// loader is tested on its own; these tests build the model directly.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "generators/generator.hpp"

namespace glassbox::generators::fixtures {

inline suite::InputClass range_class(std::string name, bool valid, std::optional<std::int64_t> min,
                                     std::optional<std::int64_t> max) {
  suite::InputClass c;
  c.name = std::move(name);
  c.valid = valid;
  c.range = {min, max};
  return c;
}

inline suite::InputClass valid_class(std::string name, std::optional<std::int64_t> min, std::optional<std::int64_t> max) {
  return range_class(std::move(name), true, min, max);
}

inline suite::InputClass invalid_class(std::string name, std::optional<std::int64_t> min,
                                       std::optional<std::int64_t> max) {
  return range_class(std::move(name), false, min, max);
}

inline suite::Expectation status(int code) {
  suite::Expectation e;
  e.status = suite::StatusSpec{{code}, {}};
  return e;
}

// An int input declared with min/max and the classes a loader derives from them:
// too_small, in_range, too_big.
inline suite::Input bounded_int(std::string name, std::int64_t min, std::int64_t max) {
  suite::Input input;
  input.name = std::move(name);
  input.type = suite::InputType::Int;
  input.range = {min, max};
  input.classes = {invalid_class("too_small", std::nullopt, min - 1), valid_class("in_range", min, max),
                   invalid_class("too_big", max + 1, std::nullopt)};
  return input;
}

// A request "r" whose query holds "{{name}}" for every name, expecting 200 when valid
// and 400 otherwise.
inline suite::Request request_using(const std::vector<std::string>& names, std::string request_name = "r") {
  suite::Request r;
  r.name = std::move(request_name);
  r.path = "/check";
  for (const std::string& n : names) r.query.push_back({n, "{{" + n + "}}"});
  r.expect = status(200);
  r.expect_invalid = status(400);
  return r;
}

inline suite::TechniqueUse use(std::string technique, std::string form = "", std::vector<std::string> inputs = {}) {
  suite::TechniqueUse u;
  u.technique = std::move(technique);
  u.form = std::move(form);
  u.inputs = std::move(inputs);
  u.where = {"suite.yaml", 12, 5};
  return u;
}

inline std::vector<std::string> labels_of(const std::vector<suite::Case>& cases) {
  std::vector<std::string> out;
  for (const suite::Case& c : cases) out.push_back(c.label);
  return out;
}

inline std::vector<std::string> ids_of(const std::vector<suite::Case>& cases) {
  std::vector<std::string> out;
  for (const suite::Case& c : cases) out.push_back(c.id);
  return out;
}

// The values `input` takes in `cases`, as compact JSON.
inline std::vector<std::string> values_of(const std::vector<suite::Case>& cases, std::string_view input) {
  std::vector<std::string> out;
  for (const suite::Case& c : cases) {
    const suite::Binding* b = c.find(input);
    out.push_back(b ? b->value.dump() : "<absent>");
  }
  return out;
}

// Runs one generator on the request's first technique use.
inline Expected<std::vector<suite::Case>> run(const Generator& generator, const suite::Suite& s,
                                              std::uint64_t seed = 1) {
  const suite::Request& r = s.requests.front();
  return generator.generate(GenerationContext{s, r, r.techniques.front(), seed});
}

}  // namespace glassbox::generators::fixtures
