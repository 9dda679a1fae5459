// Each technique's own coverage, from the items its cases cover (CaseResult::covers: "rule:R1",
// "transition:created-pay->paid", "guess:sql.quote"): per technique and form, per kind of
// item, how many distinct items the run exercised and how many of them held (every case
// covering the item passed). Reports show it beside the technique's case counts: "rule 4/4".
// Pure function; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "reports/model/results.hpp"

namespace glassbox::reports {

struct TechniqueItems {
  std::string technique;
  std::string form;
  std::string kind;     // "rule", "transition", "state", ...
  int items = 0;        // distinct items covered by cases of this technique and form
  int held = 0;         // items whose covering cases all passed
};

// In the order the cases meet them.
std::vector<TechniqueItems> technique_items(const RunResults& results);

// "rule 4/4, effect 3/3" for one technique and form; "" when its cases cover no items.
std::string items_summary(const std::vector<TechniqueItems>& all, const std::string& technique, const std::string& form);

}  // namespace glassbox::reports
