// Rendering of `{{input}}` templates against a case's values.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "suites/model/expected.hpp"
#include "suites/model/value.hpp"

namespace glassbox::suite {

// Looks up a placeholder's value; nullopt when the name is unknown.
using Lookup = std::function<std::optional<Value>(std::string_view name)>;

// Renders a string template to text: each {{name}} becomes the value's text (strings
// as is, other values as compact JSON). An unknown name is an error naming it.
Expected<std::string> render_text(std::string_view tmpl, const Lookup& lookup);

// Renders a JSON template: strings that are exactly one placeholder take the value with
// its type; other strings are rendered as text; arrays and objects recursively.
Expected<Value> render_value(const Value& tmpl, const Lookup& lookup);

// The placeholder names in a template string, in order of appearance.
std::vector<std::string> placeholders(std::string_view tmpl);
void collect_placeholders(const Value& tmpl, std::vector<std::string>& out);

}  // namespace glassbox::suite
