// ${env:NAME} interpolation of suite strings.
//
//   ${env:NAME}            the variable's value; an error when it is not set
//   ${env:NAME:-default}   the value, or `default` when the variable is unset or empty
//   $${                    a literal "${"
// Any other "${" is an error, so a misspelt reference cannot pass through as text.
//
// Thread-safety: pure, apart from what `getenv` does.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "suites/loader/loader.hpp"
#include "suites/model/expected.hpp"

namespace glassbox::loader::detail {

struct Interpolated {
  std::string text;
  std::vector<std::string> secrets;  // the values taken from the environment (defaults are not secret)
};

// The text with every reference resolved. Errors carry no location; the caller knows
// which YAML scalar the text came from.
Expected<Interpolated> interpolate_env(std::string_view text, const Getenv& getenv);

}  // namespace glassbox::loader::detail
