// Pairwise and n-wise testing: a covering array over the valid classes of the inputs
// under test (every combination of valid classes of any `strength` inputs appears in
// some case), then, in the robust form, each invalid class alone: one case per invalid
// class, with the other inputs valid as in a row of the array, so no case holds two
// invalid values (as in weak robust partitioning) and a failure names its culprit.
//
// Forms: robust (default; the array plus one case per invalid class), normal (the array).
// Options: strength, constraints, require (pairwise_options.hpp).
// The array comes from generators/combinatorial; its seed comes from --seed and the
// request, so the same suite and seed give the same cases.
#include <algorithm>
#include <set>

#include "generators/case_builder.hpp"
#include "generators/combinatorial/covering_array.hpp"
#include "generators/pairwise_options.hpp"
#include "generators/representatives.hpp"
#include "generators/rng.hpp"
#include "generators/techniques.hpp"
#include "generators/values.hpp"

namespace glassbox::generators {

namespace {

constexpr std::string_view kName = "pairwise";

// The classes each input of the group takes: one parameter of the array per input, one
// value per valid class.
struct Parameters {
  std::vector<std::vector<const suite::InputClass*>> valid;
  std::vector<std::vector<const suite::InputClass*>> invalid;
};

Parameters parameters_of(const Group& group) {
  Parameters p;
  for (const suite::Input* input : group.under_test) {
    p.valid.emplace_back();
    p.invalid.emplace_back();
    for (const suite::InputClass& cls : input->classes) (cls.valid ? p.valid : p.invalid).back().push_back(&cls);
  }
  return p;
}

combinatorial::CaModel model_of(const GenerationContext& context, const Group& group, const Parameters& p,
                                const PairwiseOptions& options) {
  combinatorial::CaModel model;
  for (std::size_t k = 0; k < group.under_test.size(); ++k) {
    // An input without valid classes stands at its nominal value: one value.
    model.levels.push_back(std::max<std::size_t>(p.valid[k].size(), 1));
    model.parameter_names.push_back(group.under_test[k]->name);
    model.value_names.emplace_back();
    for (const suite::InputClass* cls : p.valid[k]) model.value_names.back().push_back(cls->name);
  }
  model.strength = options.strength;
  model.forbidden = options.forbidden;
  model.required = options.required;
  model.seed = rng_for(context.seed, {context.request.name, kName}).next();
  return model;
}

// Rows list the t-tuples of classes they cover ("pair:a=short,b=true", "tuple:..." for t > 2),
// so reports count the tuples that held (every case covering them passed). A row covering
// more than this many tuples lists none: the results file stays small for wide models.
constexpr std::size_t kMaxListedTuples = 500;

std::vector<std::string> tuple_covers(const Group& group, const std::vector<const suite::InputClass*>& picks,
                                      int strength) {
  std::vector<std::size_t> present;
  for (std::size_t k = 0; k < picks.size(); ++k)
    if (picks[k]) present.push_back(k);
  const std::size_t t = static_cast<std::size_t>(strength);
  if (present.size() < t) return {};
  // C(n, t) without overflow for the sizes that matter here.
  double count = 1;
  for (std::size_t i = 0; i < t; ++i) count = count * static_cast<double>(present.size() - i) / static_cast<double>(i + 1);
  if (count > static_cast<double>(kMaxListedTuples)) return {};
  std::vector<std::string> out;
  std::vector<std::size_t> index(t);
  for (std::size_t i = 0; i < t; ++i) index[i] = i;
  const std::string kind = t == 2 ? "pair:" : "tuple:";
  while (true) {
    std::string item = kind;
    for (std::size_t i = 0; i < t; ++i) {
      const std::size_t k = present[index[i]];
      item += (i ? "," : "") + group.under_test[k]->name + "=" + picks[k]->name;
    }
    out.push_back(std::move(item));
    std::size_t i = t;
    while (i > 0 && index[i - 1] == present.size() - t + i - 1) --i;
    if (i == 0) break;
    ++index[i - 1];
    for (std::size_t j = i; j < t; ++j) index[j] = index[j - 1] + 1;
  }
  return out;
}

class CaseMaker final {
 public:
  CaseMaker(const GenerationContext& context, const Group& group, std::string form)
      : context_(context), group_(group), form_(std::move(form)) {}

  // picks[k]: the class of the k-th input, or nullptr for its nominal value.
  suite::Case make(const std::vector<const suite::InputClass*>& picks, std::vector<std::string> covers) {
    std::vector<suite::Binding> varied;
    std::string label;
    for (std::size_t k = 0; k < picks.size(); ++k) {
      const suite::Input& input = *group_.under_test[k];
      if (picks[k]) {
        suite::Binding b;
        b.input = input.name;
        b.value = representative(input, *picks[k], context_.seed, context_.request.name);
        b.class_name = picks[k]->name;
        b.valid = picks[k]->valid;
        b.under_test = true;
        varied.push_back(std::move(b));
      } else {
        varied.push_back(classified_binding(input, nominal_value(input), "nominal", Role::UnderTest));
      }
      label += (label.empty() ? "" : ", ") + input.name + "=" + (picks[k] ? picks[k]->name : "nominal");
    }
    if (label.empty()) label = "no inputs";
    suite::Case c = assemble_case(context_, kName, form_, std::move(label), group_, std::move(varied), "");
    c.covers = std::move(covers);
    return c;
  }

 private:
  const GenerationContext& context_;
  const Group& group_;
  std::string form_;
};

class PairwiseGenerator final : public Generator {
 public:
  std::string_view name() const override { return kName; }
  std::string_view summary() const override {
    return "pairwise / n-wise: every combination of valid classes of any t inputs (a covering array), "
           "then each invalid class alone";
  }
  std::vector<std::string_view> forms() const override { return {"robust", "normal"}; }

  Expected<std::vector<suite::Case>> generate(const GenerationContext& context) const override {
    auto form = resolve_form(*this, context.use);
    if (!form) return form.error();
    auto group = resolve_group(context, kName);
    if (!group) return group.error();
    Parameters p = parameters_of(*group);
    auto options = read_pairwise_options(context, *group, p.valid);
    if (!options) return options.error();

    combinatorial::CaModel model = model_of(context, *group, p, *options);
    double least = static_cast<double>(combinatorial::trivial_lower_bound(model));
    if (Status s = check_case_count(least, context, kName, *form); !s) return s.error();
    auto array = combinatorial::build_covering_array(model);
    if (!array) return pairwise_error(context, array.error().message);
    if (array->rows.empty()) return pairwise_error(context, "option 'constraints' forbids every combination of classes");

    CaseMaker maker(context, *group, *form);
    std::vector<suite::Case> cases;
    std::vector<std::vector<const suite::InputClass*>> rows;
    std::set<std::vector<const suite::InputClass*>> seen;
    for (const auto& row : array->rows) {
      std::vector<const suite::InputClass*> picks;
      for (std::size_t k = 0; k < row.size(); ++k) picks.push_back(p.valid[k].empty() ? nullptr : p.valid[k][row[k]]);
      if (!seen.insert(picks).second) continue;  // a repeated row is the same case
      cases.push_back(maker.make(picks, tuple_covers(*group, picks, model.strength)));
      rows.push_back(std::move(picks));
    }
    if (*form == "normal") return cases;

    // Invalid classes one at a time; the valid rest taken from the rows in turn, so the
    // invalid cases also vary what they hold constant.
    std::size_t next_row = 0;
    for (std::size_t k = 0; k < p.invalid.size(); ++k) {
      for (const suite::InputClass* invalid : p.invalid[k]) {
        std::vector<const suite::InputClass*> picks = rows[next_row++ % rows.size()];
        picks[k] = invalid;
        cases.push_back(maker.make(picks, {"class:" + group->under_test[k]->name + "." + invalid->name}));
      }
    }
    return cases;
  }
};

}  // namespace

const Generator& pairwise_generator() {
  static const PairwiseGenerator instance;
  return instance;
}

}  // namespace glassbox::generators
