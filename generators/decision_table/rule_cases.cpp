#include "generators/decision_table/rule_cases.hpp"

#include <fmt/format.h>

#include "generators/did_you_mean.hpp"
#include "generators/representatives.hpp"

namespace glassbox::generators::decisions {

Expected<const suite::InputClass*> find_class(const suite::Input& input, std::string_view name,
                                              const SourceLocation& where) {
  if (const suite::InputClass* cls = input.find_class(name)) return cls;
  std::vector<std::string_view> names;
  for (const suite::InputClass& cls : input.classes) names.push_back(cls.name);
  std::string hint = fmt::format(" (classes: {})", join_names(names));
  if (auto close = did_you_mean(name, names)) hint = fmt::format(" (did you mean '{}'?)", *close);
  return Error{fmt::format("input '{}' has no class '{}'{}", input.name, name, hint), where};
}

suite::Binding class_binding(const GenerationContext& context, const suite::Input& input,
                             const suite::InputClass& cls) {
  suite::Binding b;
  b.input = input.name;
  b.value = representative(input, cls, context.seed, context.request.name);
  b.class_name = cls.name;
  b.valid = cls.valid;
  b.under_test = true;
  return b;
}

suite::TechniqueUse with_inputs(const suite::TechniqueUse& use, std::vector<std::string> inputs) {
  suite::TechniqueUse grouped = use;
  grouped.inputs = std::move(inputs);
  return grouped;
}

void finish_rule_case(suite::Case& c, std::string_view rule_id, const std::vector<const suite::Expectation*>& actions,
                      std::vector<std::string> covers) {
  for (const suite::Expectation* action : actions) c.expect = suite::merge(c.expect, *action);
  c.covers = std::move(covers);
  // make_case_id names what the under-test bindings stand for; a leading binding standing
  // for the rule puts the rule id in the id the same way.
  suite::Case named = c;
  suite::Binding rule;
  rule.input = "rule";
  rule.class_name = rule_id;
  rule.under_test = true;
  named.bindings.insert(named.bindings.begin(), std::move(rule));
  c.id = suite::make_case_id(named);
}

}  // namespace glassbox::generators::decisions
