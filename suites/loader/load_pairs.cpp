// Header and query maps: `name: value` pairs whose order is kept, as HTTP sends them.
#include <fmt/format.h>

#include "suites/loader/parts.hpp"
#include "suites/loader/validate.hpp"

namespace glassbox::loader::detail {

namespace {

Expected<std::string> pair_value(Context& ctx, const Entry& entry, PairKind kind, Templates templates) {
  if (!entry.value.IsScalar()) {
    // A null (`X-A:`) is an empty value, which HTTP allows and some APIs use.
    if (entry.value.IsNull()) return std::string();
    std::string what = kind == PairKind::Headers ? "header" : "query parameter";
    return error_at(ctx, entry,
                    fmt::format("{} '{}' must be a string, got {}", what, entry.key, describe(entry.value)));
  }
  LOADER_ASSIGN(std::string text, scalar_text(ctx, entry.value));
  if (kind == PairKind::Headers && text.find_first_of("\r\n") != std::string::npos)
    return error_at(ctx, entry, fmt::format("header '{}' must not contain a line break", entry.key));
  if (templates == Templates::Check) LOADER_TRY(check_placeholders(ctx, entry.value, text));
  return text;
}

}  // namespace

Expected<suite::Pairs> load_pairs(Context& ctx, const Entry& entry, PairKind kind, Templates templates) {
  LOADER_ASSIGN(auto entries, map_entries(ctx, entry));
  suite::Pairs pairs;
  for (const Entry& e : entries) {
    if (kind == PairKind::Headers && !is_header_name(e.key)) {
      return ctx.error(e.key_node, fmt::format("'{}' is not a valid header name (letters, digits and "
                                               "!#$%&'*+-.^_`|~; no spaces or ':')",
                                               e.key));
    }
    if (kind == PairKind::Query && e.value.IsSequence()) {
      LOADER_ASSIGN(auto items, list_items(ctx, e));
      for (const Entry& item : items) {
        LOADER_ASSIGN(std::string value, pair_value(ctx, item, kind, templates));
        pairs.emplace_back(e.key, std::move(value));
      }
      continue;
    }
    LOADER_ASSIGN(std::string value, pair_value(ctx, e, kind, templates));
    pairs.emplace_back(e.key, std::move(value));
  }
  return pairs;
}

}  // namespace glassbox::loader::detail
