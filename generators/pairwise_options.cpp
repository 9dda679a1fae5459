#include "generators/pairwise_options.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "generators/did_you_mean.hpp"

namespace glassbox::generators {

namespace {

constexpr int kMinStrength = 2;
constexpr int kMaxStrength = 6;
const std::vector<std::string_view> kOptionNames = {"strength", "constraints", "require"};

std::string text_of(const Value& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

std::string joined(const std::vector<std::string>& names) {
  std::vector<std::string_view> views(names.begin(), names.end());
  return join_names(views);
}

class Reader final {
 public:
  Reader(const GenerationContext& context, const Group& group,
         const std::vector<std::vector<const suite::InputClass*>>& valid)
      : context_(context), group_(group), valid_(valid) {}

  Expected<int> strength(const Value& value) const {
    if (!value.is_number_integer() || value.get<std::int64_t>() < kMinStrength ||
        value.get<std::int64_t>() > kMaxStrength) {
      return fail(fmt::format("option 'strength' must be {}..{}, got {}", kMinStrength, kMaxStrength, value.dump()));
    }
    return static_cast<int>(value.get<std::int64_t>());
  }

  // A list of maps {input: class}; `at_least` entries per map.
  Expected<std::vector<combinatorial::Combination>> combinations(std::string_view option, const Value& value,
                                                                 std::size_t at_least) const {
    if (!value.is_array()) {
      return fail(fmt::format("option '{}' must be a list of maps like {{input: class}}, got {}", option, value.dump()));
    }
    std::vector<combinatorial::Combination> out;
    for (const Value& entry : value) {
      if (!entry.is_object() || entry.size() < at_least) {
        return fail(fmt::format("option '{}': each entry must be a map naming at least {} input{} (input: class), "
                                "got {}",
                                option, at_least, at_least == 1 ? "" : "s", entry.dump()));
      }
      combinatorial::Combination combination;
      for (const auto& [name, written] : entry.items()) {
        auto assignment = assign(option, name, written);
        if (!assignment) return assignment.error();
        combination.push_back(*assignment);
      }
      out.push_back(std::move(combination));
    }
    return out;
  }

  Error fail(std::string_view message) const { return pairwise_error(context_, message); }

 private:
  Expected<combinatorial::Assignment> assign(std::string_view option, const std::string& name,
                                             const Value& written) const {
    std::vector<std::string> group_names;
    for (const suite::Input* input : group_.under_test) group_names.push_back(input->name);
    auto it = std::find(group_names.begin(), group_names.end(), name);
    if (it == group_names.end()) {
      return fail(fmt::format("option '{}': input '{}' is not among the inputs under test ({})", option, name,
                              joined(group_names)));
    }
    auto k = static_cast<std::size_t>(it - group_names.begin());
    const auto& classes = valid_[k];
    std::string text = text_of(written);
    for (std::size_t v = 0; v < classes.size(); ++v) {
      const auto& listed = classes[v]->values;
      if (classes[v]->name == text || std::find(listed.begin(), listed.end(), written) != listed.end())
        return combinatorial::Assignment{k, v};
    }
    std::vector<std::string> class_names;
    for (const suite::InputClass* cls : classes) class_names.push_back(cls->name);
    std::string known = class_names.empty() ? "it has none" : "valid classes: " + joined(class_names);
    return fail(fmt::format("option '{}': input '{}' has no valid class '{}' ({})", option, name, text, known));
  }

  const GenerationContext& context_;
  const Group& group_;
  const std::vector<std::vector<const suite::InputClass*>>& valid_;
};

}  // namespace

Error pairwise_error(const GenerationContext& context, std::string_view message) {
  return Error{fmt::format("technique '{}' of request '{}': {}", context.use.technique, context.request.name, message),
               context.use.where};
}

Expected<PairwiseOptions> read_pairwise_options(const GenerationContext& context, const Group& group,
                                                const std::vector<std::vector<const suite::InputClass*>>& valid) {
  Reader reader(context, group, valid);
  PairwiseOptions options;
  if (!context.use.options.is_object()) return options;
  for (const auto& [key, value] : context.use.options.items()) {
    if (key == "strength") {
      auto strength = reader.strength(value);
      if (!strength) return strength.error();
      options.strength = *strength;
    } else if (key == "constraints") {
      auto forbidden = reader.combinations(key, value, 2);
      if (!forbidden) return forbidden.error();
      options.forbidden = std::move(*forbidden);
    } else if (key == "require") {
      auto required = reader.combinations(key, value, 1);
      if (!required) return required.error();
      options.required = std::move(*required);
    } else {
      std::string hint;
      if (auto close = did_you_mean(key, kOptionNames)) hint = fmt::format("did you mean '{}'? ", *close);
      return reader.fail(fmt::format("unknown option '{}' ({}options: {})", key, hint, join_names(kOptionNames)));
    }
  }
  return options;
}

}  // namespace glassbox::generators
