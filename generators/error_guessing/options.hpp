// The `options` of an error_guessing use, read and checked:
//   only    list of categories or entry ids: apply just these
//   skip    list of categories or entry ids: leave these out
//   expect  no_5xx (default: any status but 5xx, within the request's latency limit) or
//           invalid (the request's expect_invalid)
//   extra   list of {id, types, value}: entries the suite adds (category "extra")
// Errors name the option and carry the use's location:
//   technique 'error_guessing' of request 'r': option 'only' names unknown category or entry 'sqll' (did you mean 'sql'?)
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <vector>

#include "generators/error_guessing/catalogue.hpp"
#include "generators/generator.hpp"

namespace glassbox::generators::guessing {

enum class ExpectMode { No5xx, Invalid };

struct Options {
  std::vector<std::string> only;  // empty: every entry
  std::vector<std::string> skip;
  ExpectMode expect = ExpectMode::No5xx;
  std::vector<Entry> extra;
};

Expected<Options> read_options(const GenerationContext& context);

// Whether `entry` is selected by `form` ("all" or a category) and the options.
bool selected(const Entry& entry, std::string_view form, const Options& options);

}  // namespace glassbox::generators::guessing
