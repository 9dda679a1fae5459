#include "generators/error_guessing/options.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "generators/did_you_mean.hpp"

namespace glassbox::generators::guessing {

namespace {

const std::vector<std::string_view> kOptionNames = {"only", "skip", "expect", "extra"};
const std::vector<std::string_view> kExtraKeys = {"id", "types", "value"};
constexpr suite::InputType kTypes[] = {suite::InputType::Int,  suite::InputType::Number, suite::InputType::String,
                                       suite::InputType::Enum, suite::InputType::Bool,   suite::InputType::Date};

bool contains(const std::vector<std::string_view>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::string hint(std::string_view typed, const std::vector<std::string_view>& known) {
  if (auto close = did_you_mean(typed, known)) return fmt::format(" (did you mean '{}'?)", *close);
  return "";
}

// " (did you mean 'x'? <what>: a, b, c)"
std::string listing(std::string_view typed, std::string_view what, const std::vector<std::string_view>& known) {
  std::string close;
  if (auto name = did_you_mean(typed, known)) close = fmt::format("did you mean '{}'? ", *name);
  return fmt::format(" ({}{}: {})", close, what, join_names(known));
}

class Reader final {
 public:
  explicit Reader(const GenerationContext& context) : context_(context) {}

  Error fail(std::string_view message) const {
    return Error{fmt::format("technique '{}' of request '{}': {}", context_.use.technique, context_.request.name,
                             message),
                 context_.use.where};
  }

  // Entries a suite adds, checked before `only` and `skip` so those may name them.
  Expected<std::vector<Entry>> extra(const Value& value) {
    if (!value.is_array()) return fail(fmt::format("option 'extra' must be a list of {{id, types, value}}, got {}",
                                                   value.dump()));
    std::vector<Entry> entries;
    for (const Value& item : value) {
      auto entry = extra_entry(item);
      if (!entry) return entry.error();
      entries.push_back(std::move(*entry));
      names_.push_back(entries.back().id);
    }
    return entries;
  }

  Expected<std::vector<std::string>> names(std::string_view option, const Value& value) const {
    if (!value.is_array()) {
      return fail(fmt::format("option '{}' must be a list of categories or entry ids, got {}", option, value.dump()));
    }
    std::vector<std::string_view> known = categories();
    for (const Entry& e : builtin_catalogue()) known.push_back(e.id);
    for (const std::string& id : names_) known.push_back(id);
    std::vector<std::string> out;
    for (const Value& item : value) {
      if (!item.is_string()) {
        return fail(fmt::format("option '{}' must be a list of categories or entry ids, got {}", option,
                                item.dump()));
      }
      const std::string& name = item.get_ref<const std::string&>();
      if (!contains(known, name)) {
        return fail(fmt::format("option '{}' names unknown category or entry '{}'{}", option, name,
                                hint(name, known)));
      }
      out.push_back(name);
    }
    return out;
  }

  Expected<ExpectMode> expect(const Value& value) const {
    if (value == "no_5xx") return ExpectMode::No5xx;
    if (value == "invalid") return ExpectMode::Invalid;
    return fail(fmt::format("option 'expect' must be 'no_5xx' or 'invalid', got {}", value.dump()));
  }

 private:
  Expected<Entry> extra_entry(const Value& item) {
    if (!item.is_object()) {
      return fail(fmt::format("option 'extra': each entry must be a map {{id, types, value}}, got {}", item.dump()));
    }
    if (!item.contains("id") || !item["id"].is_string() || item["id"].get<std::string>().empty())
      return fail(fmt::format("option 'extra': each entry needs an 'id' (a name), got {}", item.dump()));
    Entry entry;
    entry.id = item["id"].get<std::string>();
    entry.category = "extra";
    for (const auto& [key, unused] : item.items()) {
      if (!contains(kExtraKeys, key)) {
        return fail(fmt::format("option 'extra': entry '{}' has unknown key '{}'{}", entry.id, key,
                                listing(key, "keys", kExtraKeys)));
      }
    }
    for (const Entry& builtin : builtin_catalogue())
      if (builtin.id == entry.id)
        return fail(fmt::format("option 'extra': '{}' is a built-in entry; give yours another id", entry.id));
    if (std::find(names_.begin(), names_.end(), entry.id) != names_.end())
      return fail(fmt::format("option 'extra': id '{}' is listed twice", entry.id));
    if (!item.contains("value")) return fail(fmt::format("option 'extra': entry '{}' needs a 'value'", entry.id));
    entry.value = item["value"];
    entry.sent = entry.value.dump();
    if (item.contains("types")) {
      auto types = type_set(entry.id, item["types"]);
      if (!types) return types.error();
      entry.types = *types;
    }
    return entry;
  }

  Expected<TypeSet> type_set(const std::string& id, const Value& value) const {
    std::vector<std::string_view> type_names;
    for (suite::InputType t : kTypes) type_names.push_back(suite::to_string(t));
    Value list = value.is_array() ? value : Value::array({value});
    TypeSet set = 0;
    for (const Value& item : list) {
      std::string name = item.is_string() ? item.get<std::string>() : item.dump();
      auto it = std::find(type_names.begin(), type_names.end(), name);
      if (it == type_names.end()) {
        return fail(fmt::format("option 'extra': entry '{}' names unknown type '{}'{}", id, name,
                                listing(name, "types", type_names)));
      }
      set |= type_bit(kTypes[it - type_names.begin()]);
    }
    return set;
  }

  const GenerationContext& context_;
  std::vector<std::string> names_;  // ids of the extra entries read so far
};

}  // namespace

Expected<Options> read_options(const GenerationContext& context) {
  Options options;
  const Value& written = context.use.options;
  if (!written.is_object()) return options;
  Reader reader(context);
  for (const auto& [key, value] : written.items()) {
    if (!contains(kOptionNames, key))
      return reader.fail(fmt::format("unknown option '{}'{}", key, listing(key, "options", kOptionNames)));
  }
  // `extra` first: `only` and `skip` may name its entries.
  if (written.contains("extra")) {
    auto extra = reader.extra(written["extra"]);
    if (!extra) return extra.error();
    options.extra = std::move(*extra);
  }
  for (auto [option, names] : {std::pair{"only", &options.only}, std::pair{"skip", &options.skip}}) {
    if (!written.contains(option)) continue;
    auto read = reader.names(option, written[option]);
    if (!read) return read.error();
    *names = std::move(*read);
  }
  if (written.contains("expect")) {
    auto expect = reader.expect(written["expect"]);
    if (!expect) return expect.error();
    options.expect = *expect;
  }
  return options;
}

bool selected(const Entry& entry, std::string_view form, const Options& options) {
  auto named = [&](const std::vector<std::string>& names) {
    return std::any_of(names.begin(), names.end(),
                       [&](const std::string& n) { return n == entry.id || n == entry.category; });
  };
  if (form != "all" && form != entry.category) return false;
  if (!options.only.empty() && !named(options.only)) return false;
  return !named(options.skip);
}

}  // namespace glassbox::generators::guessing
