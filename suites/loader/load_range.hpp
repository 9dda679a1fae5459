// The bounds an input or a class declares, read in the input's ordinal space (see
// suites/model/input.hpp): min/max for int, date (as days) and number, min_length and
// max_length for strings. Internal to the loader.
//
// Thread-safety: one Context per load, used by one thread.
#pragma once

#include "suites/loader/context.hpp"
#include "suites/loader/yaml_reader.hpp"
#include "suites/model/input.hpp"

namespace glassbox::loader::detail {

// Reads whichever bound keys `fields` holds for `type` into `range` (int, date, string)
// or `real` (number), and checks min <= max: "'min' (10) is greater than 'max' (5)".
// Keys that do not apply to `type` must have been rejected before.
Status load_range(Context& ctx, const Fields& fields, suite::InputType type, suite::IntRange& range,
                  suite::RealRange& real);

}  // namespace glassbox::loader::detail
