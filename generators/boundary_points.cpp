#include "generators/boundary_points.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include <fmt/format.h>

#include "generators/values.hpp"

namespace glassbox::generators {

using suite::InputType;

namespace {

// Longest string a boundary point may be; beyond it a suite almost certainly means
// something else, and building it would only exhaust memory.
constexpr std::int64_t kMaxStringLength = std::int64_t{1} << 20;
// Dates are written YYYY-MM-DD, which has room for the years 0000-9999 only.
constexpr std::int64_t kFirstDay = -719528;  // 0000-01-01
constexpr std::int64_t kLastDay = 2932896;   // 9999-12-31

// Lower rank wins when two points share a value.
struct Candidate {
  std::string label;
  std::optional<Value> value;  // nullopt: not representable
  int rank;
};

Candidate nominal_candidate(const suite::Input& input) { return {"nominal", nominal_value(input), 0}; }

std::optional<std::int64_t> offset(std::int64_t base, std::int64_t delta) {
  std::int64_t out = 0;
  if (__builtin_add_overflow(base, delta, &out)) return std::nullopt;
  return out;
}

Error missing_bounds(const suite::Input& input, bool has_min, bool has_max, const SourceLocation& where) {
  std::string hint = "set min/max, or min_length/max_length for strings";
  if (has_min || has_max) {
    bool text = input.type == InputType::String;
    std::string_view min = text ? "min_length" : "min", max = text ? "max_length" : "max";
    hint = has_min ? fmt::format("set {}; only {} is set", max, min) : fmt::format("set {}; only {} is set", min, max);
  }
  return Error{fmt::format("technique 'boundaries' needs bounds for input '{}' ({})", input.name, hint), where};
}

// int, date and string points, stepping one unit in ordinal space.
Expected<std::vector<Candidate>> ordinal_candidates(const suite::Input& input, const SourceLocation& where) {
  suite::IntRange r = valid_int_range(input);
  if (!r.min || !r.max) return missing_bounds(input, r.min.has_value(), r.max.has_value(), where);
  if (*r.min > *r.max)
    return Error{fmt::format("technique 'boundaries' finds an empty range for input '{}' (min {} is above max {})",
                             input.name, *r.min, *r.max),
                 where};
  if (input.type == InputType::String && *r.max > kMaxStringLength)
    return Error{fmt::format("technique 'boundaries' would build a string of {} characters for input '{}' (the "
                             "limit is {})",
                             *r.max, input.name, kMaxStringLength),
                 where};
  auto at = [&](std::int64_t base, std::int64_t delta) -> std::optional<Value> {
    auto ordinal = offset(base, delta);
    if (!ordinal) return std::nullopt;
    if (input.type == InputType::String && *ordinal < 0) return std::nullopt;
    if (input.type == InputType::Date && (*ordinal < kFirstDay || *ordinal > kLastDay)) return std::nullopt;
    return value_at_ordinal(input, *ordinal);
  };
  return std::vector<Candidate>{{"min-", at(*r.min, -1), 3}, {"min", at(*r.min, 0), 1},
                                {"min+", at(*r.min, 1), 2},  nominal_candidate(input),
                                {"max-", at(*r.max, -1), 2}, {"max", at(*r.max, 0), 1},
                                {"max+", at(*r.max, 1), 3}};
}

Expected<std::vector<Candidate>> number_candidates(const suite::Input& input, const SourceLocation& where) {
  suite::RealRange r = valid_real_range(input);
  if (!r.min || !r.max) return missing_bounds(input, r.min.has_value(), r.max.has_value(), where);
  if (*r.min > *r.max)
    return Error{fmt::format("technique 'boundaries' finds an empty range for input '{}' (min {} is above max {})",
                             input.name, *r.min, *r.max),
                 where};
  if (!(input.step > 0))
    return Error{fmt::format("technique 'boundaries' needs a positive step for input '{}'", input.name), where};
  auto at = [&](double base, double steps) -> std::optional<Value> {
    double v = round_number(input, base + steps * input.step);
    if (!std::isfinite(v)) return std::nullopt;
    return Value(v);
  };
  return std::vector<Candidate>{{"min-", at(*r.min, -1), 3}, {"min", at(*r.min, 0), 1},
                                {"min+", at(*r.min, 1), 2},  nominal_candidate(input),
                                {"max-", at(*r.max, -1), 2}, {"max", at(*r.max, 0), 1},
                                {"max+", at(*r.max, 1), 3}};
}

// A value that is not one of the enum's: "<first>_x" (longer if that is taken), or for
// numeric enums one above the largest.
Value outside_enum(const suite::Input& input) {
  const std::vector<Value>& values = input.enum_values;
  auto taken = [&](const Value& v) { return std::find(values.begin(), values.end(), v) != values.end(); };
  if (!values.empty() && std::all_of(values.begin(), values.end(), [](const Value& v) { return v.is_number_integer(); })) {
    std::int64_t largest = values.front().get<std::int64_t>();
    for (const Value& v : values) largest = std::max(largest, v.get<std::int64_t>());
    if (auto above = offset(largest, 1)) return *above;
  }
  std::string base = values.empty() ? "value" : values.front().is_string() ? values.front().get<std::string>()
                                                                           : values.front().dump();
  std::string candidate = base + "_x";
  while (taken(Value(candidate))) candidate += "x";
  return candidate;
}

std::vector<Candidate> enum_candidates(const suite::Input& input) {
  std::vector<Candidate> out;
  if (!input.enum_values.empty()) out.push_back({"first", input.enum_values.front(), 1});
  out.push_back(nominal_candidate(input));
  if (!input.enum_values.empty()) out.push_back({"last", input.enum_values.back(), 1});
  out.push_back({"outside", outside_enum(input), 3});
  return out;
}

}  // namespace

Expected<std::vector<BoundaryPoint>> boundary_points(const suite::Input& input, Reach reach,
                                                     const SourceLocation& where) {
  // Position in `candidates` is the canonical order; rank decides which label a shared value keeps.
  std::vector<Candidate> candidates;
  switch (input.type) {
    case InputType::Int:
    case InputType::Date:
    case InputType::String: {
      auto found = ordinal_candidates(input, where);
      if (!found) return found.error();
      candidates = std::move(*found);
      break;
    }
    case InputType::Number: {
      auto found = number_candidates(input, where);
      if (!found) return found.error();
      candidates = std::move(*found);
      break;
    }
    case InputType::Enum:
      candidates = enum_candidates(input);
      break;
    case InputType::Bool:
      candidates = {nominal_candidate(input), {"true", Value(true), 1}, {"false", Value(false), 1}};
      break;
  }
  // Keep, rank by rank, each point whose value no kept point has.
  std::vector<bool> kept(candidates.size(), false);
  std::vector<const Value*> taken;
  for (int rank = 0; rank <= 3; ++rank) {
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      const Candidate& c = candidates[i];
      if (c.rank != rank || !c.value) continue;
      if (rank == 3 && reach == Reach::Normal) continue;
      bool duplicate = std::any_of(taken.begin(), taken.end(), [&](const Value* v) { return *v == *c.value; });
      if (duplicate) continue;
      kept[i] = true;
      taken.push_back(&*c.value);
    }
  }
  std::vector<BoundaryPoint> points;
  for (std::size_t i = 0; i < candidates.size(); ++i)
    if (kept[i]) points.push_back({candidates[i].label, *candidates[i].value});
  return points;
}

}  // namespace glassbox::generators
