// What generators need to know about an input's values: its valid range in ordinal space
// (see suites/model/input.hpp), its nominal value, number rounding, and how strings of a
// given length are built.
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <utility>
#include <optional>
#include <string>
#include <vector>

#include "generators/rng.hpp"
#include "suites/model/input.hpp"
#include "suites/model/value.hpp"

namespace glassbox::generators {

// The valid range of an int, date (days) or string (lengths) input: each end as declared,
// or else the hull of the valid classes' ranges (open if any valid class is open there).
suite::IntRange valid_int_range(const suite::Input& input);
// The same for a number input.
suite::RealRange valid_real_range(const suite::Input& input);

// The value an input holds while others are under test: Input::nominal if set, else the
// floor of the valid range's midpoint (int, date), its midpoint (number, rounded as
// round_number does), a string of the midpoint length (lengths 1..16 where unset), the
// first enum value, or true. An input without any bounds takes its first valid class's
// first listed value if it has one, else 0 (int, number) or 2000-01-01 (date).
Value nominal_value(const suite::Input& input);

// The closed span a number class's values are drawn from: its bounds; an open end closed
// 1000 away from the other; a class without bounds centred on the input's nominal value.
struct NumberSpan {
  double lo = 0;
  double hi = 0;
};
NumberSpan number_span(const suite::Input& input, const suite::InputClass& cls);

// The closed range of lengths a string class's values are drawn with: its bounds; an open end
// closed 15 beyond the other; no bounds: the input's valid lengths (1..16 where unset); long
// ranges cut to 64 above the shortest length, so drawn strings stay readable.
std::pair<std::int64_t, std::int64_t> string_length_span(const suite::Input& input, const suite::InputClass& cls);

// A closed ordinal interval for an int or date class: its own ends, an open end closed
// `spread` beyond the other, a class open at both ends centred on the input's nominal value.
std::pair<std::int64_t, std::int64_t> closed_ordinal_range(const suite::Input& input, const suite::InputClass& cls,
                                                           std::int64_t spread);

// a + b, held at the int64 limits instead of overflowing.
std::int64_t saturating_add(std::int64_t a, std::int64_t b);

// The nominal value in ordinal space (int value, days, length), if it has one there.
std::optional<std::int64_t> nominal_ordinal(const suite::Input& input);

// A number rounded to as many decimals as the input's step and bounds use, so that
// 0.1 + 0.01 comes out as 0.11 and not 0.11000000000000001.
double round_number(const suite::Input& input, double value);

// The characters (UTF-8 code points) strings of this input are made of: Input::charset,
// or a-z when unset.
std::vector<std::string> string_alphabet(const suite::Input& input);

// A string of `length` code points cycling through the alphabet: "abcd...". Boundary values
// use it so they do not depend on the seed.
std::string cycled_string(const suite::Input& input, std::int64_t length);
// A string of `length` code points drawn from the alphabet.
std::string random_string(const suite::Input& input, std::int64_t length, SplitMix64& rng);

// The value standing at `ordinal` for int (the number), date (the day) and string (a cycled
// string of that length) inputs.
Value value_at_ordinal(const suite::Input& input, std::int64_t ordinal);

}  // namespace glassbox::generators
