// The classes of an input declared without `partitions`, derived from its bounds so that
// every input can be partitioned without writing classes by hand:
//   int, number, date  valid in_range [min, max]; invalid below_min (up to min - 1 unit)
//                      when min is set, above_max (from max + 1 unit) when max is set;
//                      a unit is 1, one day, or the number's step
//   string             valid valid_length [min_length, max_length]; invalid too_short
//                      (lengths 0..min_length-1) when min_length > 0, too_long (from
//                      max_length+1) when max_length is set, pattern_mismatch (a string of
//                      valid length the pattern rejects) when a pattern is set
//   enum               one valid class per value, named after it; invalid not_listed
//   bool               valid true and false
//   no bounds          valid any
#include <algorithm>
#include <limits>
#include <regex>

#include "suites/loader/parts.hpp"

namespace glassbox::loader::detail {

using suite::Input;
using suite::InputClass;
using suite::InputType;

namespace {

InputClass make_class(const Input& input, std::string name, bool valid) {
  InputClass cls;
  cls.name = std::move(name);
  cls.valid = valid;
  cls.implicit = true;
  cls.where = input.where;
  return cls;
}

std::string text_of(const Value& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

void add_ordinal_classes(const Input& input, std::vector<InputClass>& out) {
  const suite::IntRange& r = input.range;
  InputClass in_range = make_class(input, "in_range", true);
  in_range.range = r;
  out.push_back(std::move(in_range));
  if (r.min && *r.min > std::numeric_limits<std::int64_t>::min()) {
    InputClass below = make_class(input, "below_min", false);
    below.range.max = *r.min - 1;
    out.push_back(std::move(below));
  }
  if (r.max && *r.max < std::numeric_limits<std::int64_t>::max()) {
    InputClass above = make_class(input, "above_max", false);
    above.range.min = *r.max + 1;
    out.push_back(std::move(above));
  }
}

void add_number_classes(const Input& input, std::vector<InputClass>& out) {
  const suite::RealRange& r = input.real;
  InputClass in_range = make_class(input, "in_range", true);
  in_range.real = r;
  out.push_back(std::move(in_range));
  if (r.min) {
    InputClass below = make_class(input, "below_min", false);
    below.real.max = *r.min - input.step;
    out.push_back(std::move(below));
  }
  if (r.max) {
    InputClass above = make_class(input, "above_max", false);
    above.real.min = *r.max + input.step;
    out.push_back(std::move(above));
  }
}

// A string of valid length that `pattern` rejects. It is rejected by a search, so it
// fails whether the pattern is applied as a search or as a whole match.
std::optional<std::string> pattern_mismatch(const Input& input) {
  std::int64_t length = std::max<std::int64_t>(input.range.min.value_or(0), 1);
  if (input.range.max) length = std::min(length, *input.range.max);
  std::regex regex(*input.pattern, std::regex::ECMAScript);
  for (char c : {'!', '0', ' ', 'a', 'A', '-', '_', '.', '~'}) {
    std::string candidate(static_cast<std::size_t>(length), c);
    if (!std::regex_search(candidate, regex)) return candidate;
  }
  return std::nullopt;  // a pattern that accepts all of these (".*", say) has no mismatch worth testing
}

void add_string_classes(const Input& input, std::vector<InputClass>& out) {
  const suite::IntRange& r = input.range;
  InputClass valid = make_class(input, r.min || r.max ? "valid_length" : "any", true);
  valid.range = r;
  out.push_back(std::move(valid));
  if (r.min && *r.min > 0) {
    InputClass too_short = make_class(input, "too_short", false);
    too_short.range = suite::IntRange{0, *r.min - 1};
    out.push_back(std::move(too_short));
  }
  if (r.max && *r.max < std::numeric_limits<std::int64_t>::max()) {
    InputClass too_long = make_class(input, "too_long", false);
    too_long.range.min = *r.max + 1;
    out.push_back(std::move(too_long));
  }
  if (!input.pattern) return;
  if (auto mismatch = pattern_mismatch(input)) {
    InputClass cls = make_class(input, "pattern_mismatch", false);
    cls.values.push_back(*mismatch);
    out.push_back(std::move(cls));
  }
}

void add_enum_classes(const Input& input, std::vector<InputClass>& out) {
  for (const Value& v : input.enum_values) {
    InputClass cls = make_class(input, text_of(v), true);
    cls.values.push_back(v);
    out.push_back(std::move(cls));
  }
  std::string outside = "<not-listed>";
  while (std::find(input.enum_values.begin(), input.enum_values.end(), Value(outside)) != input.enum_values.end())
    outside += "-";
  InputClass not_listed = make_class(input, "not_listed", false);
  not_listed.values.push_back(outside);
  out.push_back(std::move(not_listed));
}

}  // namespace

std::vector<InputClass> implicit_classes(const Input& input) {
  std::vector<InputClass> out;
  bool bounded = input.range.min || input.range.max || input.real.min || input.real.max;
  switch (input.type) {
    case InputType::Int:
    case InputType::Date:
      if (bounded) add_ordinal_classes(input, out);
      break;
    case InputType::Number:
      if (bounded) add_number_classes(input, out);
      break;
    case InputType::String:
      if (bounded || input.pattern) add_string_classes(input, out);
      break;
    case InputType::Enum:
      add_enum_classes(input, out);
      break;
    case InputType::Bool: {
      InputClass yes = make_class(input, "true", true);
      yes.values.push_back(true);
      InputClass no = make_class(input, "false", true);
      no.values.push_back(false);
      out.push_back(std::move(yes));
      out.push_back(std::move(no));
      break;
    }
  }
  if (out.empty()) out.push_back(make_class(input, "any", true));
  return out;
}

}  // namespace glassbox::loader::detail
