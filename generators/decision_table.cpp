// Decision tables: the table is checked (consistent, complete, no redundant rule; see
// decision_table/table.hpp), then each rule gives one case. A rule's entries name classes
// of its conditions' inputs; where a rule lists several classes or does not care, one is
// drawn (deterministic for the seed), so a don't-care costs no extra cases. The case's
// expectation is the one the usual rule gives (case.hpp) with the rule's actions merged
// over it, and it covers "rule:<id>".
#include <algorithm>

#include <fmt/format.h>

#include "generators/decision_table/rule_cases.hpp"
#include "generators/rng.hpp"
#include "generators/decision_table/table.hpp"
#include "generators/techniques.hpp"
#include "suites/model/decision_table.hpp"

namespace glassbox::generators {

namespace {

constexpr std::string_view kName = "decision_table";

// The written table as a decisions::Table: each condition's domain is its input's valid
// classes (what a don't-care stands for), then any invalid class a rule names.
struct Resolved {
  decisions::Table table;
  std::vector<const suite::Input*> inputs;                     // per condition
  std::vector<std::vector<const suite::InputClass*>> classes;  // per condition, parallel to its values
};

Expected<std::size_t> value_index(Resolved& resolved, std::size_t k, std::string_view name,
                                  const SourceLocation& where) {
  auto cls = decisions::find_class(*resolved.inputs[k], name, where);
  if (!cls) return cls.error();
  auto& classes = resolved.classes[k];
  for (std::size_t i = 0; i < classes.size(); ++i)
    if (classes[i] == *cls) return i;
  classes.push_back(*cls);
  resolved.table.conditions[k].values.push_back((*cls)->name);
  return classes.size() - 1;
}

Expected<Resolved> resolve(const GenerationContext& context, const suite::DecisionTable& written) {
  Resolved resolved;
  resolved.table.owner = fmt::format("request '{}'", context.request.name);
  resolved.table.where = written.where;
  for (const std::string& name : written.conditions) {
    const suite::Input* input = context.suite.find_input(name);
    if (!input) return Error{fmt::format("decision table names unknown input '{}'", name), written.where};
    decisions::Condition condition{name, {}, 0};
    std::vector<const suite::InputClass*> classes;
    for (const suite::InputClass& cls : input->classes) {
      if (!cls.valid) continue;
      condition.values.push_back(cls.name);
      classes.push_back(&cls);
    }
    condition.preferred = condition.values.size();
    resolved.table.conditions.push_back(std::move(condition));
    resolved.inputs.push_back(input);
    resolved.classes.push_back(std::move(classes));
  }

  std::vector<const suite::Expectation*> actions;
  for (const suite::DecisionRule& written_rule : written.rules) {
    decisions::Rule rule;
    rule.id = written_rule.id;
    rule.where = written_rule.where;
    for (std::size_t k = 0; k < written.conditions.size(); ++k) {
      std::vector<std::size_t> allowed;
      if (k < written_rule.when.size()) {
        for (const std::string& name : written_rule.when[k].classes) {
          auto index = value_index(resolved, k, name, written_rule.when[k].where);
          if (!index) return index.error();
          allowed.push_back(*index);
        }
      }
      rule.allowed.push_back(std::move(allowed));
    }
    auto same = std::find_if(actions.begin(), actions.end(), [&](const suite::Expectation* e) {
      return suite::same_actions(*e, written_rule.expect);
    });
    rule.action = static_cast<std::size_t>(same - actions.begin());
    if (same == actions.end()) actions.push_back(&written_rule.expect);
    resolved.table.rules.push_back(std::move(rule));
  }
  for (const decisions::Condition& condition : resolved.table.conditions) {
    if (condition.values.empty()) {
      return Error{fmt::format("decision table condition '{}' has no valid class for a don't-care to take",
                               condition.name),
                   written.where};
    }
  }
  return resolved;
}

class DecisionTableGenerator final : public Generator {
 public:
  std::string_view name() const override { return kName; }
  std::string_view summary() const override {
    return "decision tables: the table is checked (complete, consistent, no redundant rule), then one case per rule";
  }
  std::vector<std::string_view> forms() const override { return {"rules"}; }

  Expected<std::vector<suite::Case>> generate(const GenerationContext& context) const override {
    auto form = resolve_form(*this, context.use);
    if (!form) return form.error();
    const suite::DecisionTable* written = context.use.decision_table.get();
    if (!written) {
      return Error{"technique 'decision_table' needs 'conditions' and 'rules' (see docs/suite-format.md)",
                   context.use.where};
    }
    auto resolved = resolve(context, *written);
    if (!resolved) return resolved.error();
    if (Status s = decisions::check_table(resolved->table); !s) return s.error();

    suite::TechniqueUse use = decisions::with_inputs(context.use, written->conditions);
    GenerationContext grouped{context.suite, context.request, use, context.seed};
    auto group = resolve_group(grouped, kName);
    if (!group) return group.error();

    std::vector<suite::Case> cases;
    for (std::size_t r = 0; r < written->rules.size(); ++r) {
      const suite::DecisionRule& rule = written->rules[r];
      SplitMix64 rng = rng_for(context.seed, {context.request.name, kName, rule.id});
      std::vector<std::size_t> combination = decisions::pick_combination(resolved->table, resolved->table.rules[r], rng);
      std::vector<suite::Binding> varied;
      for (std::size_t k = 0; k < combination.size(); ++k)
        varied.push_back(decisions::class_binding(grouped, *resolved->inputs[k], *resolved->classes[k][combination[k]]));
      std::string label = fmt::format("{}: {}", rule.id, decisions::describe(resolved->table, combination));
      suite::Case c = assemble_case(grouped, kName, *form, std::move(label), *group, std::move(varied), "");
      decisions::finish_rule_case(c, rule.id, {&rule.expect}, {"rule:" + rule.id});
      cases.push_back(std::move(c));
    }
    return cases;
  }
};

}  // namespace

const Generator& decision_table_generator() {
  static const DecisionTableGenerator instance;
  return instance;
}

}  // namespace glassbox::generators
