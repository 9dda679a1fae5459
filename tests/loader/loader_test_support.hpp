// Helpers for the loader tests: load YAML text as "suite.yaml" with a fake environment,
// and get either the suite or the whole error line.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "suites/loader/loader.hpp"

namespace glassbox::loader::testing {

// Options whose ${env:...} sees exactly `vars`; the process environment is never read.
inline LoadOptions with_env(std::map<std::string, std::string> vars = {}) {
  LoadOptions options;
  options.getenv = [vars = std::move(vars)](const std::string& name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
  return options;
}

// The loaded suite; a test failure (and an empty suite) when it does not load.
inline suite::Suite load_ok(std::string_view yaml, const LoadOptions& options = with_env()) {
  auto loaded = load_suite_text(yaml, "suite.yaml", options);
  if (!loaded) {
    ADD_FAILURE() << "expected the suite to load, got: " << loaded.error().to_string();
    return {};
  }
  return std::move(loaded).value();
}

// "suite.yaml:line:column: message", or "loaded" when the suite loads.
inline std::string load_error(std::string_view yaml, const LoadOptions& options = with_env()) {
  auto loaded = load_suite_text(yaml, "suite.yaml", options);
  return loaded ? "loaded" : loaded.error().to_string();
}

}  // namespace glassbox::loader::testing
