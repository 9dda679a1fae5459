// Equivalence partitioning: each case picks one class per input of the group and a
// representative value of it. The four forms differ in which combinations they take:
//   weak_normal    every valid class of every input at least once (max #valid cases)
//   strong_normal  every combination of valid classes
//   weak_robust    weak_normal, plus one case per invalid class with the others valid
//   strong_robust  every combination of all classes
#include <algorithm>
#include <map>

#include "generators/case_builder.hpp"
#include "generators/representatives.hpp"
#include "generators/techniques.hpp"
#include "generators/values.hpp"

namespace glassbox::generators {

namespace {

constexpr std::string_view kName = "partitions";

// The classes one input of the group can take. An input without valid classes stands at
// its nominal value (nullptr) wherever a valid class is called for.
struct Choices {
  const suite::Input* input = nullptr;
  std::vector<const suite::InputClass*> valid, invalid, all;
};

Choices choices_of(const suite::Input& input) {
  Choices c;
  c.input = &input;
  for (const suite::InputClass& cls : input.classes) (cls.valid ? c.valid : c.invalid).push_back(&cls);
  if (c.valid.empty()) c.valid.push_back(nullptr);
  for (const suite::InputClass& cls : input.classes) c.all.push_back(&cls);
  if (c.valid.front() == nullptr) c.all.insert(c.all.begin(), nullptr);
  return c;
}

class CaseMaker final {
 public:
  CaseMaker(const GenerationContext& context, const Group& group, std::string form)
      : context_(context), group_(group), form_(std::move(form)) {}

  // One case with picks[k] the class of the k-th input of the group.
  suite::Case make(const std::vector<const suite::InputClass*>& picks) {
    std::vector<suite::Binding> varied;
    std::string label;
    for (std::size_t k = 0; k < picks.size(); ++k) {
      const suite::Input& input = *group_.under_test[k];
      varied.push_back(binding(input, picks[k]));
      if (!label.empty()) label += ", ";
      label += input.name + "=" + (picks[k] ? picks[k]->name : "nominal");
    }
    if (label.empty()) label = "no inputs";
    return assemble_case(context_, kName, form_, std::move(label), group_, std::move(varied), "");
  }

 private:
  // The binding names the class the case was built for, even when classes overlap and
  // classify would name another: the case stands for that class, and ids stay distinct.
  suite::Binding binding(const suite::Input& input, const suite::InputClass* cls) {
    if (!cls) return classified_binding(input, nominal_value(input), "nominal", Role::UnderTest);
    suite::Binding b;
    b.input = input.name;
    b.value = representative_of(input, *cls);
    b.class_name = cls->name;
    b.valid = cls->valid;
    b.under_test = true;
    return b;
  }

  const Value& representative_of(const suite::Input& input, const suite::InputClass& cls) {
    auto [it, inserted] = cache_.try_emplace(&cls);
    if (inserted) it->second = representative(input, cls, context_.seed, context_.request.name);
    return it->second;
  }

  const GenerationContext& context_;
  const Group& group_;
  std::string form_;
  std::map<const suite::InputClass*, Value> cache_;
};

std::vector<suite::Case> weak(const std::vector<Choices>& inputs, CaseMaker& maker) {
  std::vector<suite::Case> cases;
  std::size_t rows = 0;
  for (const Choices& c : inputs) rows = std::max(rows, c.valid.size());
  for (std::size_t i = 0; i < std::max<std::size_t>(rows, 1); ++i) {
    std::vector<const suite::InputClass*> picks;
    for (const Choices& c : inputs) picks.push_back(c.valid[i % c.valid.size()]);
    cases.push_back(maker.make(picks));
  }
  return cases;
}

void add_single_invalid(const std::vector<Choices>& inputs, CaseMaker& maker, std::vector<suite::Case>& cases) {
  for (std::size_t k = 0; k < inputs.size(); ++k) {
    for (const suite::InputClass* invalid : inputs[k].invalid) {
      std::vector<const suite::InputClass*> picks;
      for (const Choices& c : inputs) picks.push_back(c.valid.front());
      picks[k] = invalid;
      cases.push_back(maker.make(picks));
    }
  }
}

std::vector<suite::Case> strong(const std::vector<Choices>& inputs, CaseMaker& maker,
                                std::vector<const suite::InputClass*> Choices::*classes) {
  std::vector<std::size_t> sizes;
  for (const Choices& c : inputs) sizes.push_back((c.*classes).size());
  std::vector<suite::Case> cases;
  for_each_combination(sizes, [&](const std::vector<std::size_t>& indices) {
    std::vector<const suite::InputClass*> picks;
    for (std::size_t k = 0; k < inputs.size(); ++k) picks.push_back((inputs[k].*classes)[indices[k]]);
    cases.push_back(maker.make(picks));
  });
  return cases;
}

double product_of(const std::vector<Choices>& inputs, std::vector<const suite::InputClass*> Choices::*classes) {
  double n = 1;
  for (const Choices& c : inputs) n *= static_cast<double>((c.*classes).size());
  return n;
}

class PartitionsGenerator final : public Generator {
 public:
  std::string_view name() const override { return kName; }
  std::string_view summary() const override {
    return "equivalence partitions: a representative value of each valid and invalid class of the inputs";
  }
  std::vector<std::string_view> forms() const override {
    return {"weak_robust", "weak_normal", "strong_normal", "strong_robust"};
  }

  Expected<std::vector<suite::Case>> generate(const GenerationContext& context) const override {
    auto form = resolve_form(*this, context.use);
    if (!form) return form.error();
    auto group = resolve_group(context, kName);
    if (!group) return group.error();

    std::vector<Choices> inputs;
    for (const suite::Input* input : group->under_test) inputs.push_back(choices_of(*input));
    CaseMaker maker(context, *group, *form);

    if (*form == "weak_normal") return weak(inputs, maker);
    if (*form == "weak_robust") {
      std::vector<suite::Case> cases = weak(inputs, maker);
      add_single_invalid(inputs, maker, cases);
      return cases;
    }
    auto classes = *form == "strong_normal" ? &Choices::valid : &Choices::all;
    if (Status s = check_case_count(product_of(inputs, classes), context, kName, *form); !s) return s.error();
    return strong(inputs, maker, classes);
  }
};

}  // namespace

const Generator& partitions_generator() {
  static const PartitionsGenerator instance;
  return instance;
}

}  // namespace glassbox::generators
