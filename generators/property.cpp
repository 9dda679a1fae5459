// Property-based testing: one case per use, whose inputs the runner draws with RapidCheck
// (suites/runner/property_run.hpp). The generator only fixes what the case stands for: the
// inputs under test and the classes they are drawn from, the runs and bounds, and a seed
// derived from the run's seed and the case id, so the same --seed replays the same draws.
#include <fmt/format.h>

#include "generators/case_builder.hpp"
#include "generators/property/options.hpp"
#include "generators/values.hpp"
#include "generators/rng.hpp"
#include "generators/techniques.hpp"

namespace glassbox::generators {

namespace {

constexpr std::string_view kName = "property";

// The classes one input is drawn from: the named ones, else its valid classes (none: the
// input stays at its nominal value).
std::vector<std::string> drawn_classes(const suite::Input& input, const PropertyOptions& options) {
  if (auto it = options.classes.find(input.name); it != options.classes.end()) return it->second;
  std::vector<std::string> names;
  for (const suite::InputClass& cls : input.classes)
    if (cls.valid) names.push_back(cls.name);
  return names;
}

std::string label_of(const Group& group, const PropertyOptions& options) {
  std::string names;
  bool named_classes = !options.classes.empty();
  for (const suite::Input* input : group.under_test) names += (names.empty() ? "" : ", ") + input->name;
  if (names.empty()) return fmt::format("no inputs, {} runs", options.runs);
  return fmt::format("{} drawn from {} classes, {} runs", names, named_classes ? "the named" : "valid", options.runs);
}

class PropertyGenerator final : public Generator {
 public:
  std::string_view name() const override { return kName; }
  std::string_view summary() const override {
    return "property-based: RapidCheck draws inputs inside their classes, checks the expectation, shrinks failures";
  }
  std::vector<std::string_view> forms() const override { return {"rapidcheck"}; }

  Expected<std::vector<suite::Case>> generate(const GenerationContext& context) const override {
    auto form = resolve_form(*this, context.use);
    if (!form) return form.error();
    auto group = resolve_group(context, kName);
    if (!group) return group.error();
    auto options = read_property_options(context, *group);
    if (!options) return options.error();

    // Bindings at nominal: what the case shows before it runs, and what the draws replace.
    std::vector<suite::Binding> varied;
    suite::PropertySpec spec;
    for (const suite::Input* input : group->under_test) {
      varied.push_back(classified_binding(*input, nominal_value(*input), "nominal", Role::UnderTest));
      spec.inputs.push_back(suite::PropertySpec::Drawn{input->name, drawn_classes(*input, *options)});
    }
    suite::Case c = assemble_case(context, kName, *form, label_of(*group, *options), *group, std::move(varied), "");
    spec.runs = options->runs;
    spec.max_requests = options->max_requests;
    spec.max_seconds = options->max_seconds;
    spec.run_seed = context.seed;
    spec.seed = rng_for(context.seed, {kName, c.id}).next();
    for (const auto& drawn : spec.inputs)
      for (const std::string& cls : drawn.classes) c.covers.push_back(fmt::format("class:{}.{}", drawn.input, cls));
    c.property = std::move(spec);
    return std::vector<suite::Case>{std::move(c)};
  }
};

}  // namespace

const Generator& property_generator() {
  static const PropertyGenerator instance;
  return instance;
}

}  // namespace glassbox::generators
