#include "suites/loader/load_range.hpp"

#include <fmt/format.h>

namespace glassbox::loader::detail {

using suite::InputType;

namespace {

template <typename T, typename Show>
Status check_order(const Context& ctx, const Fields& fields, std::string_view min_key, std::string_view max_key,
                   const std::optional<T>& min, const std::optional<T>& max, Show show) {
  if (!min || !max || *min <= *max) return ok_status();
  return error_at(ctx, *fields.find(min_key),
                  fmt::format("'{}' ({}) is greater than '{}' ({})", min_key, show(*min), max_key, show(*max)));
}

Expected<std::int64_t> read_length(Context& ctx, const Entry& entry) {
  LOADER_ASSIGN(std::int64_t n, read_int(ctx, entry));
  if (n < 0) return error_at(ctx, entry, fmt::format("'{}' must be at least 0, got {}", entry.key, n));
  return n;
}

}  // namespace

Status load_range(Context& ctx, const Fields& fields, InputType type, suite::IntRange& range,
                  suite::RealRange& real) {
  const Entry* min = fields.find("min");
  const Entry* max = fields.find("max");
  auto same = [](auto v) { return v; };
  switch (type) {
    case InputType::Int:
      if (min) LOADER_SET(range.min, read_int(ctx, *min));
      if (max) LOADER_SET(range.max, read_int(ctx, *max));
      return check_order(ctx, fields, "min", "max", range.min, range.max, same);
    case InputType::Date:
      if (min) LOADER_SET(range.min, read_date(ctx, *min));
      if (max) LOADER_SET(range.max, read_date(ctx, *max));
      return check_order(ctx, fields, "min", "max", range.min, range.max, suite::format_date);
    case InputType::Number:
      if (min) LOADER_SET(real.min, read_number(ctx, *min));
      if (max) LOADER_SET(real.max, read_number(ctx, *max));
      return check_order(ctx, fields, "min", "max", real.min, real.max, same);
    case InputType::String:
      if (const Entry* e = fields.find("min_length")) LOADER_SET(range.min, read_length(ctx, *e));
      if (const Entry* e = fields.find("max_length")) LOADER_SET(range.max, read_length(ctx, *e));
      return check_order(ctx, fields, "min_length", "max_length", range.min, range.max, same);
    case InputType::Enum:
    case InputType::Bool:
      return ok_status();
  }
  return ok_status();
}

}  // namespace glassbox::loader::detail
