// Typed inputs and their equivalence classes.
//
// Bounds live in an input's "ordinal space", the space boundary analysis steps through:
//   int    -> the value itself
//   date   -> days since 1970-01-01 (values are "YYYY-MM-DD" strings)
//   string -> the length in characters
//   number -> the value, as a double (bounds in `real`), stepped by `step`
//   enum, bool -> no numeric bounds (boundaries are first, last and a value outside)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "suites/model/expectation.hpp"
#include "suites/model/expected.hpp"
#include "suites/model/value.hpp"

namespace glassbox::suite {

enum class InputType { Int, Number, String, Enum, Bool, Date };
std::string_view to_string(InputType type);

// A closed interval; an unset end is open.
struct IntRange {
  std::optional<std::int64_t> min, max;
  bool contains(std::int64_t v) const { return (!min || v >= *min) && (!max || v <= *max); }
};
struct RealRange {
  std::optional<double> min, max;
  bool contains(double v) const { return (!min || v >= *min) && (!max || v <= *max); }
};

// A named equivalence class. A value belongs to the class when it satisfies every
// constraint the class sets (range for int/date/number, length for strings, or
// membership in `values`). A class with `values` only (e.g. wrong-typed values like
// "abc" for an int) is matched by membership alone.
struct InputClass {
  std::string name;
  bool valid = true;
  IntRange range;          // int: values; date: days since epoch; string: lengths
  RealRange real;          // number
  std::vector<Value> values;  // explicit members; representatives are drawn from them first
  std::optional<Expectation> expect;  // override (see resolve_expectation)
  bool implicit = false;   // derived by the loader from the input's bounds, not written
  SourceLocation where;
};

struct Input {
  std::string name;
  InputType type = InputType::Int;
  IntRange range;            // declared bounds (int, date, string length)
  RealRange real;            // declared bounds (number)
  double step = 0.01;        // number: the distance of a boundary's neighbours
  std::vector<Value> enum_values;  // enum: the allowed values, in order
  std::optional<std::string> pattern;  // string: ECMAScript regex valid values match
  std::string charset;       // string: characters generated values are made of
  std::optional<Value> nominal;  // the value used while other inputs are under test
  std::vector<InputClass> classes;  // valid and invalid, in suite order (never empty after loading)
  // `secret: true`: the values a case binds to this input are redacted from its result
  // (the exchange, its inputs and its label), like ${env:...} values.
  bool secret = false;
  SourceLocation where;

  const InputClass* find_class(std::string_view name) const;
  // The first valid class that contains `v`, else the first invalid one, else nullptr.
  const InputClass* classify(const Value& v) const;
};

// Dates: "YYYY-MM-DD" <-> days since 1970-01-01 (proleptic Gregorian).
std::optional<std::int64_t> parse_date(std::string_view text);
std::string format_date(std::int64_t days);

}  // namespace glassbox::suite
