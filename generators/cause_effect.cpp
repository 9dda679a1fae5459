// Cause-effect graphs: the graph becomes a decision table over its causes (one rule per
// combination the constraints allow and the inputs can realise; decision_table/
// cause_table.hpp), and each rule one case. For each input the causes name, the case takes
// a class that gives every cause on that input its value in the rule (a valid class when
// one does, drawn deterministically for the seed). The case's expectation is the usual one
// (case.hpp) with the expectation of every effect that holds merged over it, in effect
// order; it covers "rule:<id>" and "effect:<id>" for each effect that holds.
#include <algorithm>

#include <fmt/format.h>

#include "generators/decision_table/cause_table.hpp"
#include "generators/decision_table/rule_cases.hpp"
#include "generators/rng.hpp"
#include "generators/techniques.hpp"
#include "suites/model/cause_effect.hpp"

namespace glassbox::generators {

namespace {

constexpr std::string_view kName = "cause_effect";

struct ResolvedCause {
  std::size_t input = 0;                         // index into Graph::inputs
  std::vector<const suite::InputClass*> classes;  // the classes that make the cause true
};

struct Graph {
  std::vector<const suite::Input*> inputs;  // the inputs the causes name, in first-mention order
  std::vector<ResolvedCause> causes;

  // The classes of input i that give each of its causes the value in `values`; valid ones first.
  std::vector<const suite::InputClass*> candidates(std::size_t i, const std::vector<bool>& values) const {
    std::vector<const suite::InputClass*> valid, invalid;
    for (const suite::InputClass& cls : inputs[i]->classes) {
      bool fits = true;
      for (std::size_t c = 0; c < causes.size() && fits; ++c) {
        if (causes[c].input != i) continue;
        const auto& in = causes[c].classes;
        fits = (std::find(in.begin(), in.end(), &cls) != in.end()) == values[c];
      }
      if (fits) (cls.valid ? valid : invalid).push_back(&cls);
    }
    valid.insert(valid.end(), invalid.begin(), invalid.end());
    return valid;
  }
};

Expected<Graph> resolve(const GenerationContext& context, const suite::CauseEffectGraph& written) {
  Graph graph;
  for (const suite::Cause& cause : written.causes) {
    const suite::Input* input = context.suite.find_input(cause.input);
    if (!input) return Error{fmt::format("cause '{}' names unknown input '{}'", cause.id, cause.input), cause.where};
    auto at = std::find(graph.inputs.begin(), graph.inputs.end(), input);
    ResolvedCause resolved;
    resolved.input = static_cast<std::size_t>(at - graph.inputs.begin());
    if (at == graph.inputs.end()) graph.inputs.push_back(input);
    for (const std::string& name : cause.classes) {
      auto cls = decisions::find_class(*input, name, cause.where);
      if (!cls) return cls.error();
      resolved.classes.push_back(*cls);
    }
    graph.causes.push_back(std::move(resolved));
  }
  return graph;
}

class CauseEffectGenerator final : public Generator {
 public:
  std::string_view name() const override { return kName; }
  std::string_view summary() const override {
    return "cause-effect graphs: causes, effects and constraints turned into a decision table, one case per rule";
  }
  std::vector<std::string_view> forms() const override { return {"rules"}; }

  Expected<std::vector<suite::Case>> generate(const GenerationContext& context) const override {
    auto form = resolve_form(*this, context.use);
    if (!form) return form.error();
    const suite::CauseEffectGraph* written = context.use.cause_effect.get();
    if (!written) {
      return Error{"technique 'cause_effect' needs 'causes' and 'effects' (see docs/suite-format.md)",
                   context.use.where};
    }
    if (written->causes.size() > decisions::kMaxCauses) {
      return Error{fmt::format("cause-effect graph of request '{}' has {} causes (the limit is {})",
                               context.request.name, written->causes.size(), decisions::kMaxCauses),
                   written->where};
    }
    auto graph = resolve(context, *written);
    if (!graph) return graph.error();
    auto realisable = [&](const std::vector<bool>& values) {
      for (std::size_t i = 0; i < graph->inputs.size(); ++i)
        if (graph->candidates(i, values).empty()) return false;
      return true;
    };
    std::vector<decisions::CauseRow> rows = decisions::cause_table(*written, realisable);
    if (rows.empty()) {
      return Error{fmt::format("cause-effect graph of request '{}': no combination of causes satisfies the "
                               "constraints and the inputs' classes",
                               context.request.name),
                   written->where};
    }

    std::vector<std::string> names;
    for (const suite::Input* input : graph->inputs) names.push_back(input->name);
    suite::TechniqueUse use = decisions::with_inputs(context.use, names);
    GenerationContext grouped{context.suite, context.request, use, context.seed};
    auto group = resolve_group(grouped, kName);
    if (!group) return group.error();

    std::vector<suite::Case> cases;
    for (const decisions::CauseRow& row : rows) cases.push_back(make_case(grouped, *group, *form, *written, *graph, row));
    return cases;
  }

 private:
  static suite::Case make_case(const GenerationContext& context, const Group& group, const std::string& form,
                               const suite::CauseEffectGraph& written, const Graph& graph,
                               const decisions::CauseRow& row) {
    SplitMix64 rng = rng_for(context.seed, {context.request.name, kName, row.id});
    std::vector<suite::Binding> varied;
    for (std::size_t i = 0; i < graph.inputs.size(); ++i) {
      std::vector<const suite::InputClass*> candidates = graph.candidates(i, row.causes);
      std::size_t valid = static_cast<std::size_t>(std::count_if(
          candidates.begin(), candidates.end(), [](const suite::InputClass* c) { return c->valid; }));
      const suite::InputClass* cls = candidates[rng.index(valid > 0 ? valid : candidates.size())];
      varied.push_back(decisions::class_binding(context, *graph.inputs[i], *cls));
    }
    std::string label = fmt::format("{}: {}", row.id, decisions::describe_row(written, row));
    suite::Case c = assemble_case(context, kName, form, std::move(label), group, std::move(varied), "");
    std::vector<const suite::Expectation*> actions;
    std::vector<std::string> covers = {"rule:" + row.id};
    for (std::size_t e = 0; e < written.effects.size(); ++e) {
      if (!row.effects[e]) continue;
      actions.push_back(&written.effects[e].expect);
      covers.push_back("effect:" + written.effects[e].id);
    }
    decisions::finish_rule_case(c, row.id, actions, std::move(covers));
    return c;
  }
};

}  // namespace

const Generator& cause_effect_generator() {
  static const CauseEffectGenerator instance;
  return instance;
}

}  // namespace glassbox::generators
