#include "generators/case_builder.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "generators/did_you_mean.hpp"
#include "generators/values.hpp"

namespace glassbox::generators {

namespace {

bool contains(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

Error unknown_input(const GenerationContext& context, std::string_view technique, std::string_view name) {
  std::vector<std::string_view> known;
  for (const suite::Input& input : context.suite.inputs) known.push_back(input.name);
  std::string hint;
  if (auto suggestion = did_you_mean(name, known))
    hint = fmt::format(" (did you mean '{}'?)", *suggestion);
  else if (!known.empty())
    hint = fmt::format(" (inputs: {})", join_names(known));
  else
    hint = " (the suite declares no inputs)";
  return Error{fmt::format("technique '{}' names unknown input '{}'{}", technique, name, hint), context.use.where};
}

}  // namespace

Expected<Group> resolve_group(const GenerationContext& context, std::string_view technique) {
  std::vector<std::string> referenced;
  for (std::string& name : context.request.referenced_inputs())
    if (context.suite.find_input(name)) referenced.push_back(std::move(name));

  Group group;
  std::vector<std::string> group_names;
  for (const std::string& name : context.use.inputs.empty() ? referenced : context.use.inputs) {
    if (contains(group_names, name)) continue;  // listing an input twice tests it once
    const suite::Input* input = context.suite.find_input(name);
    if (!input) return unknown_input(context, technique, name);
    group.under_test.push_back(input);
    group_names.push_back(name);
  }

  group.binding_order = referenced;
  for (const std::string& name : group_names)
    if (!contains(group.binding_order, name)) group.binding_order.push_back(name);
  for (const std::string& name : referenced) {
    if (contains(group_names, name)) continue;
    const suite::Input& input = *context.suite.find_input(name);
    group.held.push_back(classified_binding(input, nominal_value(input), "", Role::Held));
  }
  return group;
}

Expected<std::string> resolve_form(const Generator& generator, const suite::TechniqueUse& use) {
  std::vector<std::string_view> forms = generator.forms();
  if (use.form.empty()) return std::string(forms.front());
  if (std::find(forms.begin(), forms.end(), use.form) != forms.end()) return use.form;
  std::string suggestion;
  if (auto close = did_you_mean(use.form, forms)) suggestion = fmt::format("did you mean '{}'? ", *close);
  return Error{fmt::format("technique '{}' has no form '{}' ({}forms: {})", generator.name(), use.form, suggestion,
                           join_names(forms)),
               use.where};
}

Status check_case_count(double count, const GenerationContext& context, std::string_view technique,
                        std::string_view form) {
  if (count <= kMaxCasesPerUse) return ok_status();
  return Error{fmt::format("technique '{}' form '{}' would generate {:.0f} cases for request '{}' (the limit is "
                           "{:.0f}); put fewer inputs in one group",
                           technique, form, count, context.request.name, kMaxCasesPerUse),
               context.use.where};
}

suite::Binding classified_binding(const suite::Input& input, Value value, std::string boundary, Role role) {
  suite::Binding b;
  b.input = input.name;
  const suite::InputClass* cls = input.classify(value);
  b.value = std::move(value);
  b.class_name = cls ? cls->name : "";
  b.valid = cls && cls->valid;
  b.boundary = std::move(boundary);
  b.under_test = role == Role::UnderTest;
  return b;
}

suite::Case assemble_case(const GenerationContext& context, std::string_view technique, std::string_view form,
                          std::string label, const Group& group, std::vector<suite::Binding> varied,
                          std::string_view held_boundary) {
  suite::Case c;
  c.request = context.request.name;
  c.technique = technique;
  c.form = form;
  c.label = std::move(label);
  for (const std::string& name : group.binding_order) {
    auto is_named = [&](const suite::Binding& b) { return b.input == name; };
    if (auto it = std::find_if(varied.begin(), varied.end(), is_named); it != varied.end()) {
      c.bindings.push_back(std::move(*it));
    } else if (auto held = std::find_if(group.held.begin(), group.held.end(), is_named); held != group.held.end()) {
      c.bindings.push_back(*held);
      c.bindings.back().boundary = held_boundary;
    }
  }
  suite::resolve_expectation(context.request, context.suite, c);
  c.id = suite::make_case_id(c);
  return c;
}

void for_each_combination(const std::vector<std::size_t>& sizes,
                          const std::function<void(const std::vector<std::size_t>&)>& visit) {
  for (std::size_t size : sizes)
    if (size == 0) return;
  std::vector<std::size_t> indices(sizes.size(), 0);
  while (true) {
    visit(indices);
    std::size_t k = sizes.size();
    while (k > 0) {
      --k;
      if (++indices[k] < sizes[k]) break;
      indices[k] = 0;
      if (k == 0) return;
    }
    if (sizes.empty()) return;
  }
}

}  // namespace glassbox::generators
