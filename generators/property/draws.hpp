// RapidCheck generators for the values of a property case: uniform inside a class, shrinking
// towards the class's closed end (the lower one where it has one), so a shrunk failure is the
// value nearest that end that still fails.
//
//   int, date    the class's range (days for dates); an open end is closed 1000 (dates: 365
//                days) beyond the other end, a class open at both ends centres on the nominal
//   number       the range on the input's step grid, rounded like every generated number
//   string       lengths over the class's range (open ends closed 15 beyond, long classes cut
//                to 64 above their shortest), characters from the input's charset
//   enum, bool   the values (a valid class), or a value outside them (an invalid one)
//   listed       a class with `values` draws among them
//
// Header-only on purpose: RapidCheck is linked where properties run (the runner and the
// tests), not into every user of the generators library.
//
// Thread-safety: the generators are values; use them from one thread at a time.
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <rapidcheck.h>

#include "generators/values.hpp"
#include "suites/model/input.hpp"

namespace glassbox::generators::property {

inline constexpr std::int64_t kIntSpread = 1000;
inline constexpr std::int64_t kDateSpread = 365;

// [lo, hi] with hi < INT64_MAX, so that RapidCheck's half-open inRange can hold it.
struct Closed {
  std::int64_t lo = 0, hi = 0;
};

inline Closed closed(std::int64_t lo, std::int64_t hi) {
  hi = std::min(std::max(lo, hi), std::numeric_limits<std::int64_t>::max() - 1);
  return {std::min(lo, hi), hi};
}

// The ordinal interval values of an int or date class are drawn from.
inline Closed ordinal_range(const suite::Input& input, const suite::InputClass& cls, std::int64_t spread) {
  const auto [lo, hi] = closed_ordinal_range(input, cls, spread);
  return closed(lo, hi);
}

// The lengths strings of a class are drawn with.
inline Closed length_range(const suite::Input& input, const suite::InputClass& cls) {
  const auto [lo, hi] = string_length_span(input, cls);
  return closed(lo, hi);
}

// A whole number uniform in [range.lo, range.hi], shrinking towards range.lo. RapidCheck's
// inRange scales its range with the test's size; size 100 (kNominalSize) is the whole range.
inline rc::Gen<std::int64_t> uniform(Closed range) {
  return rc::gen::resize(rc::kNominalSize, rc::gen::inRange<std::int64_t>(range.lo, range.hi + 1));
}

inline rc::Gen<Value> number_draw(const suite::Input& input, const suite::InputClass& cls) {
  const double step = input.step > 0 ? input.step : 0.01;
  const suite::RealRange& r = cls.real;
  const NumberSpan span = number_span(input, cls);
  const double lo = span.lo, hi = span.hi;
  // Steps from the closed end, so shrinking moves towards the class's own bound.
  const bool from_low = r.min || !r.max;
  const double steps = std::floor((hi - lo) / step + 1e-9);
  const auto max_steps = static_cast<std::int64_t>(std::clamp(steps, 0.0, 4.0e18));
  return rc::gen::map(uniform({0, max_steps}), [input, lo, hi, step, from_low](std::int64_t k) {
    double value = from_low ? lo + static_cast<double>(k) * step : hi - static_cast<double>(k) * step;
    return Value(round_number(input, value));
  });
}

inline rc::Gen<Value> string_draw(const suite::Input& input, const suite::InputClass& cls) {
  std::vector<std::string> alphabet = string_alphabet(input);
  if (alphabet.empty()) alphabet.push_back("a");
  const Closed lengths = length_range(input, cls);
  return rc::gen::mapcat(uniform(lengths), [alphabet](std::int64_t length) {
    auto characters = rc::gen::container<std::vector<std::string>>(static_cast<std::size_t>(length),
                                                                   rc::gen::elementOf(alphabet));
    return rc::gen::map(characters, [](const std::vector<std::string>& chars) {
      std::string text;
      for (const std::string& c : chars) text += c;
      return Value(text);
    });
  });
}

// An enum value outside the enum, for invalid enum classes that list no values.
inline Value outside_enum(const suite::Input& input) {
  auto text = [](const Value& v) { return v.is_string() ? v.get<std::string>() : v.dump(); };
  std::string candidate = "not-" + (input.enum_values.empty() ? std::string("enum") : text(input.enum_values.front()));
  while (std::find(input.enum_values.begin(), input.enum_values.end(), Value(candidate)) != input.enum_values.end())
    candidate += "-x";
  return candidate;
}

// Values of one class of `input`.
inline rc::Gen<Value> class_draw(const suite::Input& input, const suite::InputClass& cls) {
  if (!cls.values.empty()) return rc::gen::elementOf(cls.values);
  switch (input.type) {
    case suite::InputType::Int:
      return rc::gen::map(uniform(ordinal_range(input, cls, kIntSpread)), [](std::int64_t v) { return Value(v); });
    case suite::InputType::Date:
      return rc::gen::map(uniform(ordinal_range(input, cls, kDateSpread)),
                          [](std::int64_t days) { return Value(suite::format_date(days)); });
    case suite::InputType::Number:
      return number_draw(input, cls);
    case suite::InputType::String:
      return string_draw(input, cls);
    case suite::InputType::Enum:
      if (!cls.valid) return rc::gen::just(outside_enum(input));
      if (input.enum_values.empty()) return rc::gen::just(nominal_value(input));
      return rc::gen::elementOf(input.enum_values);
    case suite::InputType::Bool:
      if (!cls.valid) return rc::gen::just(Value("not-a-bool"));
      return rc::gen::element(Value(false), Value(true));
  }
  return rc::gen::just(nominal_value(input));
}

// Values of `input` from one of `classes` (picked uniformly, shrinking towards the first);
// no classes: the nominal value.
inline rc::Gen<Value> input_draw(const suite::Input& input, const std::vector<const suite::InputClass*>& classes) {
  if (classes.empty()) return rc::gen::just(nominal_value(input));
  if (classes.size() == 1) return class_draw(input, *classes.front());
  std::vector<rc::Gen<Value>> draws;
  for (const suite::InputClass* cls : classes) draws.push_back(class_draw(input, *cls));
  auto pick = uniform({0, static_cast<std::int64_t>(classes.size()) - 1});
  return rc::gen::mapcat(pick, [draws](std::int64_t k) { return draws[static_cast<std::size_t>(k)]; });
}

}  // namespace glassbox::generators::property
