#include "generators/values.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace glassbox::generators {

using suite::InputClass;
using suite::InputType;
using suite::IntRange;
using suite::RealRange;

namespace {

constexpr std::int64_t kDefaultMinLength = 1;
constexpr std::int64_t kDefaultMaxLength = 16;
constexpr std::int64_t kDefaultDateDays = 10957;  // 2000-01-01: a neutral, valid-looking date

// Classes that constrain by range; a class listing `values` is matched by membership
// only (see Input::classify), so its range says nothing about the input's extent.
bool has_range(const InputClass& c) { return c.values.empty() && (c.range.min || c.range.max); }
bool has_real_range(const InputClass& c) { return c.values.empty() && (c.real.min || c.real.max); }

template <typename Range, typename HasRange>
Range hull_of_valid_classes(const suite::Input& input, Range InputClass::*member, HasRange has) {
  Range hull;
  bool any = false, min_open = false, max_open = false;
  for (const InputClass& c : input.classes) {
    if (!c.valid || !has(c)) continue;
    const Range& r = c.*member;
    if (!any) {
      hull = r;
      any = true;
    } else {
      if (hull.min && r.min) hull.min = std::min(*hull.min, *r.min);
      if (hull.max && r.max) hull.max = std::max(*hull.max, *r.max);
    }
    min_open = min_open || !r.min;
    max_open = max_open || !r.max;
  }
  if (min_open) hull.min.reset();
  if (max_open) hull.max.reset();
  return hull;
}

std::int64_t floor_midpoint(std::int64_t a, std::int64_t b) {
  __int128 sum = static_cast<__int128>(a) + b;
  return static_cast<std::int64_t>(sum >> 1);  // arithmetic shift: floor, also for negatives
}

// The first value a valid class lists, for inputs that have no bounds at all.
const Value* first_listed_valid_value(const suite::Input& input) {
  for (const InputClass& c : input.classes)
    if (c.valid && !c.values.empty()) return &c.values.front();
  return nullptr;
}

std::optional<std::int64_t> int_nominal(const IntRange& r) {
  if (r.min && r.max) return floor_midpoint(*r.min, *r.max);
  if (r.min) return *r.min;
  if (r.max) return *r.max;
  return std::nullopt;
}

std::int64_t nominal_length(const suite::Input& input) {
  IntRange r = valid_int_range(input);
  std::int64_t lo = r.min.value_or(r.max ? std::min(kDefaultMinLength, *r.max) : kDefaultMinLength);
  std::int64_t hi = r.max.value_or(std::max(kDefaultMaxLength, lo));
  return std::max<std::int64_t>(0, floor_midpoint(lo, hi));
}

int decimals_of(double x) {
  for (int d = 0; d < 10; ++d) {
    double scaled = x * std::pow(10.0, d);
    if (std::fabs(scaled - std::round(scaled)) < 1e-9 * std::max(1.0, std::fabs(scaled))) return d;
  }
  return 10;
}

}  // namespace

IntRange valid_int_range(const suite::Input& input) {
  IntRange hull = hull_of_valid_classes(input, &InputClass::range, has_range);
  return {input.range.min ? input.range.min : hull.min, input.range.max ? input.range.max : hull.max};
}

RealRange valid_real_range(const suite::Input& input) {
  RealRange hull = hull_of_valid_classes(input, &InputClass::real, has_real_range);
  return {input.real.min ? input.real.min : hull.min, input.real.max ? input.real.max : hull.max};
}

std::optional<std::int64_t> nominal_ordinal(const suite::Input& input) {
  Value v = nominal_value(input);
  switch (input.type) {
    case InputType::Int:
      if (v.is_number_integer()) return v.get<std::int64_t>();
      return std::nullopt;
    case InputType::Date:
      if (v.is_string()) return suite::parse_date(v.get<std::string>());
      return std::nullopt;
    case InputType::String: {
      if (!v.is_string()) return std::nullopt;
      const std::string& text = v.get_ref<const std::string&>();
      // Lengths count code points, as Input::classify does: skip UTF-8 continuation bytes.
      return static_cast<std::int64_t>(
          std::count_if(text.begin(), text.end(), [](unsigned char c) { return (c & 0xC0) != 0x80; }));
    }
    default:
      return std::nullopt;
  }
}

Value nominal_value(const suite::Input& input) {
  if (input.nominal) return *input.nominal;
  switch (input.type) {
    case InputType::Int:
    case InputType::Date: {
      if (auto mid = int_nominal(valid_int_range(input)))
        return input.type == InputType::Int ? Value(*mid) : Value(suite::format_date(*mid));
      if (const Value* listed = first_listed_valid_value(input)) return *listed;
      return input.type == InputType::Int ? Value(std::int64_t{0}) : Value(suite::format_date(kDefaultDateDays));
    }
    case InputType::Number: {
      RealRange r = valid_real_range(input);
      if (r.min && r.max) return round_number(input, (*r.min + *r.max) / 2);
      if (r.min || r.max) return r.min ? *r.min : *r.max;
      if (const Value* listed = first_listed_valid_value(input)) return *listed;
      return 0.0;
    }
    case InputType::String: {
      IntRange r = valid_int_range(input);
      if (!r.min && !r.max)
        if (const Value* listed = first_listed_valid_value(input)) return *listed;
      return cycled_string(input, nominal_length(input));
    }
    case InputType::Enum:
      if (!input.enum_values.empty()) return input.enum_values.front();
      if (const Value* listed = first_listed_valid_value(input)) return *listed;
      return "";
    case InputType::Bool:
      return true;
  }
  return nullptr;
}

double round_number(const suite::Input& input, double value) {
  RealRange r = valid_real_range(input);
  int decimals = decimals_of(input.step);
  if (r.min) decimals = std::max(decimals, decimals_of(*r.min));
  if (r.max) decimals = std::max(decimals, decimals_of(*r.max));
  double scale = std::pow(10.0, decimals);
  double rounded = std::round(value * scale) / scale;
  return std::isfinite(rounded) ? rounded : value;
}

std::vector<std::string> string_alphabet(const suite::Input& input) {
  std::string_view chars =
      input.charset.empty() ? std::string_view("abcdefghijklmnopqrstuvwxyz") : std::string_view(input.charset);
  std::vector<std::string> out;
  for (unsigned char c : chars) {
    if ((c & 0xC0) == 0x80 && !out.empty())
      out.back() += static_cast<char>(c);  // continuation byte of the previous code point
    else
      out.emplace_back(1, static_cast<char>(c));
  }
  return out;
}

std::string cycled_string(const suite::Input& input, std::int64_t length) {
  std::vector<std::string> alphabet = string_alphabet(input);
  std::string out;
  for (std::int64_t i = 0; i < length; ++i) out += alphabet[static_cast<std::size_t>(i) % alphabet.size()];
  return out;
}

std::string random_string(const suite::Input& input, std::int64_t length, SplitMix64& rng) {
  std::vector<std::string> alphabet = string_alphabet(input);
  std::string out;
  for (std::int64_t i = 0; i < length; ++i) out += alphabet[rng.index(alphabet.size())];
  return out;
}

Value value_at_ordinal(const suite::Input& input, std::int64_t ordinal) {
  switch (input.type) {
    case InputType::Date: return suite::format_date(ordinal);
    case InputType::String: return cycled_string(input, ordinal);
    default: return ordinal;
  }
}

NumberSpan number_span(const suite::Input& input, const suite::InputClass& cls) {
  constexpr double kNumberSpread = 1000.0;
  const suite::RealRange& r = cls.real;
  if (r.min && r.max) return {*r.min, std::max(*r.min, *r.max)};
  if (r.min) return {*r.min, *r.min + kNumberSpread};
  if (r.max) return {*r.max - kNumberSpread, *r.max};
  const Value nominal = nominal_value(input);
  const double centre = nominal.is_number() ? nominal.get<double>() : 0.0;
  return {centre - kNumberSpread, centre + kNumberSpread};
}

std::int64_t saturating_add(std::int64_t a, std::int64_t b) {
  std::int64_t out = 0;
  if (__builtin_add_overflow(a, b, &out))
    return b > 0 ? std::numeric_limits<std::int64_t>::max() : std::numeric_limits<std::int64_t>::min();
  return out;
}

std::pair<std::int64_t, std::int64_t> string_length_span(const suite::Input& input, const suite::InputClass& cls) {
  constexpr std::int64_t kOpenStringSpread = 15;
  constexpr std::int64_t kLongStringCut = 64;
  const suite::IntRange& r = cls.range;
  std::int64_t lo = 0, hi = 0;
  if (r.min && r.max) {
    lo = *r.min;
    hi = std::max(lo, *r.max);
  } else if (r.min) {
    lo = *r.min;
    hi = saturating_add(lo, kOpenStringSpread);
  } else if (r.max) {
    hi = *r.max;
    lo = saturating_add(hi, -kOpenStringSpread);
  } else {
    suite::IntRange valid = valid_int_range(input);
    lo = valid.min.value_or(1);
    hi = valid.max.value_or(std::max<std::int64_t>(16, lo));
  }
  lo = std::max<std::int64_t>(0, lo);
  hi = std::max(lo, std::min(hi, saturating_add(lo, kLongStringCut)));
  return {lo, hi};
}

std::pair<std::int64_t, std::int64_t> closed_ordinal_range(const suite::Input& input, const suite::InputClass& cls,
                                                           std::int64_t spread) {
  const suite::IntRange& r = cls.range;
  if (r.min && r.max) return {*r.min, std::max(*r.min, *r.max)};
  if (r.min) return {*r.min, saturating_add(*r.min, spread)};
  if (r.max) return {saturating_add(*r.max, -spread), *r.max};
  std::int64_t centre = nominal_ordinal(input).value_or(0);
  return {saturating_add(centre, -spread), saturating_add(centre, spread)};
}

}  // namespace glassbox::generators
