// The interface every test-design technique implements. A generator turns one
// TechniqueUse of one request (a technique applied to a group of inputs) into cases.
// Generators are pure: same suite, same use, same seed -> same cases, in the same order.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "suites/model/case.hpp"
#include "suites/model/expected.hpp"
#include "suites/model/suite.hpp"

namespace glassbox::generators {

struct GenerationContext {
  const suite::Suite& suite;
  const suite::Request& request;
  const suite::TechniqueUse& use;
  std::uint64_t seed = 0;
};

class Generator {
 public:
  virtual ~Generator() = default;
  virtual std::string_view name() const = 0;            // as written in suites: "partitions"
  virtual std::string_view summary() const = 0;         // one line for --help and docs
  virtual std::vector<std::string_view> forms() const = 0;  // first = default
  // Cases with id, technique, form, label, bindings and expectation filled in.
  // An error (with the use's location) when the use cannot be applied, e.g. a
  // boundary technique on an input without bounds.
  virtual Expected<std::vector<suite::Case>> generate(const GenerationContext& context) const = 0;
};

// The registry: every technique, in one table.
const std::vector<const Generator*>& all_generators();
const Generator* find_generator(std::string_view name);

// Every case of every request of the suite, in suite order, duplicates (same id) removed.
Expected<std::vector<suite::Case>> generate_all(const suite::Suite& suite, std::uint64_t seed);

}  // namespace glassbox::generators
