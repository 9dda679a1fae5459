#include "generators/property/options.hpp"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "generators/did_you_mean.hpp"

namespace glassbox::generators {

namespace {

const std::vector<std::string_view> kOptionNames = {"runs", "max_requests", "max_seconds", "classes"};

class Reader final {
 public:
  Reader(const GenerationContext& context, const Group& group) : context_(context), group_(group) {}

  Error fail(std::string_view message) const {
    return Error{fmt::format("technique '{}' of request '{}': {}", context_.use.technique, context_.request.name,
                             message),
                 context_.use.where};
  }

  Expected<int> whole_number(std::string_view option, const Value& value, int max) const {
    if (!value.is_number_integer() || value.get<std::int64_t>() < 1 || value.get<std::int64_t>() > max)
      return fail(fmt::format("option '{}' must be 1..{}, got {}", option, max, value.dump()));
    return static_cast<int>(value.get<std::int64_t>());
  }

  // {input: class} or {input: [class, ...]}, each input among those under test.
  Expected<std::map<std::string, std::vector<std::string>>> classes(const Value& value) const {
    if (!value.is_object() || value.empty())
      return fail(fmt::format("option 'classes' must be a map like {{input: class}}, got {}", value.dump()));
    std::map<std::string, std::vector<std::string>> out;
    for (const auto& [name, written] : value.items()) {
      const suite::Input* input = under_test(name);
      if (!input) {
        std::vector<std::string_view> names;
        for (const suite::Input* i : group_.under_test) names.push_back(i->name);
        return fail(fmt::format("option 'classes': input '{}' is not among the inputs under test ({})", name,
                                join_names(names)));
      }
      std::vector<Value> listed = written.is_array() ? std::vector<Value>(written.begin(), written.end())
                                                     : std::vector<Value>{written};
      if (listed.empty())
        return fail(fmt::format("option 'classes': input '{}' needs at least one class, got []", name));
      for (const Value& cls : listed) {
        if (!cls.is_string())
          return fail(fmt::format("option 'classes': a class of input '{}' must be a name, got {}", name, cls.dump()));
        const std::string& class_name = cls.get<std::string>();
        if (!input->find_class(class_name)) return unknown_class(*input, class_name);
        out[name].push_back(class_name);
      }
    }
    return out;
  }

 private:
  const suite::Input* under_test(std::string_view name) const {
    for (const suite::Input* input : group_.under_test)
      if (input->name == name) return input;
    return nullptr;
  }

  Error unknown_class(const suite::Input& input, std::string_view name) const {
    std::vector<std::string_view> known;
    for (const suite::InputClass& cls : input.classes) known.push_back(cls.name);
    std::string hint;
    if (auto close = did_you_mean(name, known)) hint = fmt::format("did you mean '{}'? ", *close);
    return fail(fmt::format("option 'classes': input '{}' has no class '{}' ({}classes: {})", input.name, name, hint,
                            join_names(known)));
  }

  const GenerationContext& context_;
  const Group& group_;
};

}  // namespace

Expected<PropertyOptions> read_property_options(const GenerationContext& context, const Group& group) {
  Reader reader(context, group);
  PropertyOptions options;
  std::optional<int> max_requests;
  for (const auto& [key, value] : context.use.options.items()) {
    if (key == "runs") {
      auto runs = reader.whole_number(key, value, kMaxPropertyRuns);
      if (!runs) return runs.error();
      options.runs = *runs;
    } else if (key == "max_requests") {
      auto requests = reader.whole_number(key, value, kMaxPropertyRequests);
      if (!requests) return requests.error();
      max_requests = *requests;
    } else if (key == "max_seconds") {
      auto seconds = reader.whole_number(key, value, kMaxPropertySeconds);
      if (!seconds) return seconds.error();
      options.max_seconds = *seconds;
    } else if (key == "classes") {
      auto classes = reader.classes(value);
      if (!classes) return classes.error();
      options.classes = std::move(classes.value());
    } else {
      std::string hint;
      if (auto close = did_you_mean(key, kOptionNames)) hint = fmt::format("did you mean '{}'? ", *close);
      return reader.fail(fmt::format("unknown option '{}' ({}options: {})", key, hint, join_names(kOptionNames)));
    }
  }
  // Every draw is a request: a bound below the runs would cut the draws, not the shrinking.
  options.max_requests = max_requests.value_or(options.runs + kDefaultShrinkRequests);
  if (options.max_requests < options.runs)
    return reader.fail(fmt::format("option 'max_requests' must be at least 'runs' ({}), got {}", options.runs,
                                   options.max_requests));
  return options;
}

}  // namespace glassbox::generators
