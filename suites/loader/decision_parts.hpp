// The loader's parts for decision tables and cause-effect graphs, the two techniques whose
// use carries more than a name: `conditions`/`rules` and `causes`/`effects`/`constraints`
// (docs/suite-format.md "Decision tables" and "Cause-effect graphs"). load_techniques.cpp
// calls them once it has read the use's technique. Internal to the loader.
//
// Only the shape is checked here; class names and the table's completeness, consistency
// and redundancy are checked when cases are generated, where the inputs' classes are known.
//
// Thread-safety: one Context per load, used by one thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "suites/loader/context.hpp"
#include "suites/loader/yaml_reader.hpp"
#include "suites/model/cause_effect.hpp"
#include "suites/model/decision_table.hpp"

namespace glassbox::loader::detail {

// The keys each technique adds to a technique use.
const Keys& decision_table_keys();  // conditions, rules
const Keys& cause_effect_keys();    // causes, effects, constraints

// The table of a `decision_table` use; `fields` is the use's map, `where` its location.
// `owner` and `request_inputs` as for load_techniques.
Expected<std::shared_ptr<const suite::DecisionTable>> load_decision_table(
    Context& ctx, const Fields& fields, const SourceLocation& where, std::string_view owner,
    const std::vector<std::string>& request_inputs);

// The graph of a `cause_effect` use.
Expected<std::shared_ptr<const suite::CauseEffectGraph>> load_cause_effect(
    Context& ctx, const Fields& fields, const SourceLocation& where, std::string_view owner,
    const std::vector<std::string>& request_inputs);

// Shared by both: an error at `entry` unless `name` is a declared input the request uses.
Status check_condition_input(const Context& ctx, const Entry& entry, const std::string& name,
                             std::string_view technique, std::string_view owner,
                             const std::vector<std::string>& request_inputs);

enum class DontCare { Allowed, Rejected };
// Class names written as one scalar or a list of scalars; booleans and numbers are named as
// the implicit classes of bool and enum inputs are ("true", "1.5"). With DontCare::Allowed a
// lone "-" is a don't-care: an empty list.
Expected<std::vector<std::string>> load_class_names(Context& ctx, const Entry& entry, DontCare dont_care);

}  // namespace glassbox::loader::detail
