// The one table of techniques: generate_all, `--help` and "did you mean" all read it.
#include <algorithm>

#include "generators/generator.hpp"
#include "generators/techniques.hpp"

namespace glassbox::generators {

const std::vector<const Generator*>& all_generators() {
  static const std::vector<const Generator*> table = {&partitions_generator(), &boundaries_generator(),
                                                       &decision_table_generator(), &cause_effect_generator(),
                                                       &pairwise_generator(),
                                                       &error_guessing_generator(),
                                                       &state_transitions_generator(),
                                                       &property_generator()};
  return table;
}

const Generator* find_generator(std::string_view name) {
  const auto& table = all_generators();
  auto it = std::find_if(table.begin(), table.end(), [&](const Generator* g) { return g->name() == name; });
  return it == table.end() ? nullptr : *it;
}

}  // namespace glassbox::generators
