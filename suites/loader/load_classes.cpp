// `partitions`: an input's named equivalence classes, valid and invalid.
#include <fmt/format.h>

#include "suites/loader/input_keys.hpp"
#include "suites/loader/load_range.hpp"
#include "suites/loader/parts.hpp"

namespace glassbox::loader::detail {

using suite::Input;
using suite::InputClass;

namespace {

const Keys kPartitionKeys = {"valid", "invalid"};

// A valid class that bounds only one end is bounded by the input at the other: "large:
// {min: 10}" of an input up to 200 means 10..200, not 10 and everything above. Invalid
// classes lie outside the input's range, so they keep their open ends.
void inherit_input_bounds(const Input& input, InputClass& cls) {
  if (!cls.valid) return;
  if (cls.range.min || cls.range.max) {
    if (!cls.range.min) cls.range.min = input.range.min;
    if (!cls.range.max) cls.range.max = input.range.max;
  }
  if (cls.real.min || cls.real.max) {
    if (!cls.real.min) cls.real.min = input.real.min;
    if (!cls.real.max) cls.real.max = input.real.max;
  }
}

Expected<InputClass> load_class(Context& ctx, const Entry& entry, bool valid, const Input& input) {
  InputClass cls;
  cls.name = entry.key;
  cls.valid = valid;
  cls.where = ctx.at(entry.key_node);
  if (entry.key.empty()) return ctx.error(entry.key_node, "a class needs a name");
  std::string what = fmt::format("class '{}' of input '{}'", entry.key, input.name);
  Keys suggestions = class_keys_for(input.type);
  LOADER_ASSIGN(Fields fields, Fields::open(ctx, entry, what, "in " + what, kClassKeys, &suggestions));
  for (const Entry& e : fields.entries()) {
    if (e.key == "values" || e.key == "expect") continue;
    if (auto why = inapplicable_key(e.key, input.type)) return ctx.error(e.key_node, *why);
  }
  LOADER_TRY(load_range(ctx, fields, input.type, cls.range, cls.real));
  if (const Entry* values = fields.find("values")) {
    LOADER_ASSIGN(auto items, list_items(ctx, *values, Single::Allowed));
    if (items.empty()) return error_at(ctx, *values, "'values' must list at least one value");
    for (const Entry& item : items) {
      LOADER_ASSIGN(Value v, read_value(ctx, item.value, Templates::Plain));
      cls.values.push_back(std::move(v));
    }
  }
  if (const Entry* expect = fields.find("expect"))
    LOADER_SET(cls.expect, load_expectation(ctx, *expect, "in 'expect' of " + what));
  inherit_input_bounds(input, cls);
  return cls;
}

}  // namespace

Status load_classes(Context& ctx, const Entry& partitions, Input& input) {
  std::string place = fmt::format("in partitions of input '{}'", input.name);
  LOADER_ASSIGN(Fields fields, Fields::open(ctx, partitions, "'partitions'", place, kPartitionKeys));
  std::vector<YAML::Node> names;  // key nodes of the classes so far, to report duplicates
  for (const char* side : {"valid", "invalid"}) {
    const Entry* group = fields.find(side);
    if (!group) continue;
    LOADER_ASSIGN(auto entries, map_entries(ctx, *group));
    for (const Entry& e : entries) {
      for (const YAML::Node& earlier : names) {
        if (earlier.Scalar() == e.key) {
          return ctx.error(e.key_node, fmt::format("class '{}' is declared twice in input '{}' (first at line {}); "
                                                   "valid and invalid classes share one set of names",
                                                   e.key, input.name, ctx.at(earlier).line));
        }
      }
      names.push_back(e.key_node);
      LOADER_ASSIGN(InputClass cls, load_class(ctx, e, side == std::string_view("valid"), input));
      input.classes.push_back(std::move(cls));
    }
  }
  if (std::none_of(input.classes.begin(), input.classes.end(), [](const InputClass& c) { return c.valid; })) {
    return error_at(ctx, partitions, fmt::format("partitions of input '{}' need at least one valid class",
                                                 input.name));
  }
  return ok_status();
}

}  // namespace glassbox::loader::detail
