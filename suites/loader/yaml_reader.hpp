// Reading yaml-cpp nodes the way the loader needs: maps whose keys are checked against the
// keys allowed at that place (with "did you mean"), typed scalars with messages that say
// what was expected, and any YAML as a JSON value. Every string passes through ${env:...}
// interpolation here, so no part of the loader can forget it.
//
// Errors point at the offending node: "'min' must be an integer, got 'abc'".
// Messages quote scalars as written, before interpolation, so a secret never appears in one.
//
// Thread-safety: one Context per load, used by one thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "suites/loader/context.hpp"
#include "suites/model/value.hpp"

namespace glassbox::loader::detail {

using Keys = std::vector<std::string>;

// One `key: value` of a YAML map, or one item of a list (then `key` is the list's key
// and `key_node` the item itself).
struct Entry {
  std::string key;
  YAML::Node key_node;
  YAML::Node value;
};

// Where an entry's value is written: the value itself or, when it is empty, its key
// (yaml-cpp places an empty value at the next token, often on the following line).
SourceLocation where_of(const Context& ctx, const Entry& entry);
Error error_at(const Context& ctx, const Entry& entry, std::string message);

// "'abc'", "a map", "a list" or "nothing": what a value turned out to be, for "got ..." messages.
std::string describe(const YAML::Node& node);

// The entries of a map in file order; an empty value is an empty map. Errors: not a map
// ("<what> must be a map, got a list"), a key that is not a scalar, a key given twice.
Expected<std::vector<Entry>> map_entries(const Context& ctx, const YAML::Node& node, const SourceLocation& where,
                                         std::string_view what);
Expected<std::vector<Entry>> map_entries(const Context& ctx, const Entry& entry);  // what: "'<key>'"

// The items of a list as entries named after the list's key. A single scalar is read as
// a list of one when `single` is Single::Allowed.
enum class Single { Allowed, Rejected };
Expected<std::vector<Entry>> list_items(const Context& ctx, const Entry& entry, Single single = Single::Rejected);

// A map whose keys are all allowed at its place.
class Fields final {
 public:
  // `what` begins the not-a-map message ("request 'classify'"); `place` ends the unknown-key
  // message ("in request 'classify'"). Suggestions come from `suggest` when given (the keys
  // that apply to an input's type, say), else from `allowed`.
  static Expected<Fields> open(const Context& ctx, const YAML::Node& node, const SourceLocation& where,
                               std::string_view what, std::string_view place, const Keys& allowed,
                               const Keys* suggest = nullptr);
  static Expected<Fields> open(const Context& ctx, const Entry& entry, std::string_view what, std::string_view place,
                               const Keys& allowed, const Keys* suggest = nullptr);

  const Entry* find(std::string_view key) const;
  const std::vector<Entry>& entries() const { return entries_; }
  const SourceLocation& where() const { return where_; }

 private:
  std::vector<Entry> entries_;
  SourceLocation where_;
};

// The scalar's text with ${env:...} resolved (secrets recorded in the context).
Expected<std::string> scalar_text(Context& ctx, const YAML::Node& scalar);

// Typed reads of an entry's value; the messages name the entry's key.
Expected<std::string> read_string(Context& ctx, const Entry& entry);              // any scalar
Expected<std::string> read_nonempty_string(Context& ctx, const Entry& entry);
Expected<std::int64_t> read_int(Context& ctx, const Entry& entry);                // "'min' must be an integer, got 'abc'"
Expected<int> read_int_in(Context& ctx, const Entry& entry, int lowest, int highest);
Expected<double> read_number(Context& ctx, const Entry& entry);
Expected<bool> read_bool(Context& ctx, const Entry& entry);                       // true or false
Expected<std::int64_t> read_date(Context& ctx, const Entry& entry);               // "YYYY-MM-DD" -> days

// Any YAML as JSON: maps, lists, null, booleans, numbers and strings by YAML 1.2's core
// schema (a quoted scalar is always a string). With Templates::Check, every {{name}} in a
// string must name a declared input.
enum class Templates { Plain, Check };
Expected<Value> read_value(Context& ctx, const YAML::Node& node, Templates templates);

// A plain scalar's JSON value under the core schema: null, true/false, integers, floats,
// else the text as a string.
Value plain_scalar_value(const std::string& text);

}  // namespace glassbox::loader::detail
