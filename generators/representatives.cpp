#include "generators/representatives.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "generators/rng.hpp"
#include "generators/values.hpp"

namespace glassbox::generators {

using suite::InputClass;
using suite::InputType;

namespace {

constexpr std::int64_t kIntSpread = 1000;
constexpr std::int64_t kDateSpread = 365;
constexpr int kClassifyAttempts = 16;



Value draw_number(const suite::Input& input, const InputClass& cls, SplitMix64& rng) {
  double step = input.step > 0 ? input.step : 0.01;
  const suite::RealRange& r = cls.real;
  const NumberSpan span = number_span(input, cls);
  const double lo = span.lo, hi = span.hi;
  // Step from the closed end, so the class's own bound is on the grid.
  double steps = std::floor((hi - lo) / step + 1e-9);
  auto max_steps = static_cast<std::int64_t>(std::min(steps, 4.0e18));
  std::int64_t k = rng.uniform(0, std::max<std::int64_t>(0, max_steps));
  double value = (r.min || !r.max) ? lo + static_cast<double>(k) * step : hi - static_cast<double>(k) * step;
  return round_number(input, value);
}

std::string string_of(const Value& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

// An enum value outside the enum for invalid classes that list none.
Value not_an_enum_value(const suite::Input& input) {
  std::string candidate = "not-" + (input.enum_values.empty() ? std::string("enum") : string_of(input.enum_values.front()));
  while (std::find(input.enum_values.begin(), input.enum_values.end(), Value(candidate)) != input.enum_values.end())
    candidate += "-x";
  return candidate;
}

Value draw(const suite::Input& input, const InputClass& cls, SplitMix64& rng) {
  if (!cls.values.empty()) return cls.values[rng.index(cls.values.size())];
  switch (input.type) {
    case InputType::Int: {
      auto [lo, hi] = closed_ordinal_range(input, cls, kIntSpread);
      return rng.uniform(lo, hi);
    }
    case InputType::Date: {
      auto [lo, hi] = closed_ordinal_range(input, cls, kDateSpread);
      return suite::format_date(rng.uniform(lo, hi));
    }
    case InputType::Number:
      return draw_number(input, cls, rng);
    case InputType::String: {
      auto [lo, hi] = string_length_span(input, cls);
      return random_string(input, rng.uniform(lo, hi), rng);
    }
    case InputType::Enum:
      if (!cls.valid) return not_an_enum_value(input);
      if (input.enum_values.empty()) return nominal_value(input);
      return input.enum_values[rng.index(input.enum_values.size())];
    case InputType::Bool:
      if (!cls.valid) return "not-a-bool";
      return rng.uniform(0, 1) == 1;
  }
  return nullptr;
}

}  // namespace

Value representative(const suite::Input& input, const InputClass& cls, std::uint64_t seed, std::string_view request) {
  SplitMix64 rng = rng_for(seed, {request, input.name, cls.name});
  Value first = draw(input, cls, rng);
  if (input.classify(first) == &cls) return first;
  for (int attempt = 1; attempt < kClassifyAttempts; ++attempt) {
    Value v = draw(input, cls, rng);
    if (input.classify(v) == &cls) return v;
  }
  return first;
}

}  // namespace glassbox::generators
