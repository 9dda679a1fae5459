// Boundary value analysis: inputs at and around the edges of their valid ranges.
//   normal             the all-nominal case, then each input at each of its non-nominal
//                      points with the others nominal (4n+1 cases for n bounded inputs)
//   robust             the same with min- and max+ as well (6n+1)
//   worst_case         every combination of the points of normal (5^n)
//   robust_worst_case  every combination of the points of robust (7^n)
// The points of each input come from boundary_points.hpp.
#include <fmt/format.h>

#include "generators/boundary_points.hpp"
#include "generators/case_builder.hpp"
#include "generators/techniques.hpp"

namespace glassbox::generators {

namespace {

constexpr std::string_view kName = "boundaries";

struct InputPoints {
  const suite::Input* input = nullptr;
  std::vector<BoundaryPoint> points;
  std::size_t nominal = 0;  // index of the "nominal" point
};

suite::Binding binding_at(const InputPoints& p, std::size_t index) {
  const BoundaryPoint& point = p.points[index];
  return classified_binding(*p.input, point.value, point.label, Role::UnderTest);
}

std::string label_of(const InputPoints& p, std::size_t index) {
  return fmt::format("{}={}", p.input->name, p.points[index].label);
}

// The all-nominal case, then one input at a time away from nominal.
std::vector<suite::Case> one_at_a_time(const GenerationContext& context, const std::string& form,
                                       const Group& group, const std::vector<InputPoints>& inputs) {
  auto case_with = [&](std::size_t moved, std::size_t point_index, std::string label) {
    std::vector<suite::Binding> varied;
    for (std::size_t k = 0; k < inputs.size(); ++k)
      varied.push_back(binding_at(inputs[k], k == moved ? point_index : inputs[k].nominal));
    return assemble_case(context, kName, form, std::move(label), group, std::move(varied), "nominal");
  };
  std::vector<suite::Case> cases;
  cases.push_back(case_with(inputs.size(), 0, inputs.empty() ? "no inputs" : "nominal"));
  for (std::size_t k = 0; k < inputs.size(); ++k)
    for (std::size_t i = 0; i < inputs[k].points.size(); ++i)
      if (i != inputs[k].nominal) cases.push_back(case_with(k, i, label_of(inputs[k], i)));
  return cases;
}

// Every combination of points; labels name every input.
std::vector<suite::Case> worst_case(const GenerationContext& context, const std::string& form, const Group& group,
                                    const std::vector<InputPoints>& inputs) {
  std::vector<std::size_t> sizes;
  for (const InputPoints& p : inputs) sizes.push_back(p.points.size());
  std::vector<suite::Case> cases;
  for_each_combination(sizes, [&](const std::vector<std::size_t>& indices) {
    std::vector<suite::Binding> varied;
    std::string label;
    for (std::size_t k = 0; k < inputs.size(); ++k) {
      varied.push_back(binding_at(inputs[k], indices[k]));
      label += (label.empty() ? "" : ", ") + label_of(inputs[k], indices[k]);
    }
    if (label.empty()) label = "no inputs";
    cases.push_back(assemble_case(context, kName, form, std::move(label), group, std::move(varied), "nominal"));
  });
  return cases;
}

class BoundariesGenerator final : public Generator {
 public:
  std::string_view name() const override { return kName; }
  std::string_view summary() const override {
    return "boundary values: each input at min, min+, nominal, max-, max (and min-, max+ when robust)";
  }
  std::vector<std::string_view> forms() const override {
    return {"normal", "robust", "worst_case", "robust_worst_case"};
  }

  Expected<std::vector<suite::Case>> generate(const GenerationContext& context) const override {
    auto form = resolve_form(*this, context.use);
    if (!form) return form.error();
    auto group = resolve_group(context, kName);
    if (!group) return group.error();

    Reach reach = (*form == "robust" || *form == "robust_worst_case") ? Reach::Robust : Reach::Normal;
    std::vector<InputPoints> inputs;
    double combinations = 1;
    for (const suite::Input* input : group->under_test) {
      auto points = boundary_points(*input, reach, context.use.where);
      if (!points) return points.error();
      InputPoints p{input, std::move(*points), 0};
      while (p.points[p.nominal].label != "nominal") ++p.nominal;
      combinations *= static_cast<double>(p.points.size());
      inputs.push_back(std::move(p));
    }

    if (*form == "normal" || *form == "robust") return one_at_a_time(context, *form, *group, inputs);
    if (Status s = check_case_count(combinations, context, kName, *form); !s) return s.error();
    return worst_case(context, *form, *group, inputs);
  }
};

}  // namespace

const Generator& boundaries_generator() {
  static const BoundariesGenerator instance;
  return instance;
}

}  // namespace glassbox::generators
