#include "suites/model/case.hpp"

#include <fmt/format.h>

namespace glassbox::suite {

const Binding* Case::find(std::string_view input) const {
  for (const Binding& b : bindings)
    if (b.input == input) return &b;
  return nullptr;
}

Value Case::inputs_as_json() const {
  Value out = Value::object();
  for (const Binding& b : bindings) out[b.input] = b.value;
  return out;
}

void resolve_expectation(const Request& request, const Suite& suite, Case& c) {
  std::vector<const Binding*> invalid;
  for (const Binding& b : c.bindings)
    if (!b.valid) invalid.push_back(&b);

  auto class_of = [&](const Binding& b) -> const InputClass* {
    const Input* input = suite.find_input(b.input);
    return input ? input->find_class(b.class_name) : nullptr;
  };

  if (invalid.empty()) {
    c.expect = request.expect;
    for (const Binding& b : c.bindings)
      if (const InputClass* cls = class_of(b); cls && cls->expect) c.expect = merge(c.expect, *cls->expect);
    c.expected_outcome = "valid";
  } else if (invalid.size() == 1) {
    const Binding& b = *invalid.front();
    c.expect = request.expect_invalid;
    if (const InputClass* cls = class_of(b); cls && cls->expect) c.expect = merge(c.expect, *cls->expect);
    c.expected_outcome = fmt::format("invalid ({}.{})", b.input, b.class_name.empty() ? "unclassified" : b.class_name);
  } else {
    c.expect = request.expect_invalid;
    std::string names;
    for (const Binding* b : invalid)
      names += (names.empty() ? "" : ", ") + b->input + "." + (b->class_name.empty() ? "unclassified" : b->class_name);
    c.expected_outcome = fmt::format("invalid ({})", names);
  }
}

std::string make_case_id(const Case& c) {
  std::string what;
  for (const Binding& b : c.bindings) {
    if (!b.under_test) continue;
    std::string stands_for = b.boundary.empty() ? b.class_name : b.boundary;
    what += (what.empty() ? "" : ",") + b.input + "=" + stands_for;
  }
  if (what.empty()) what = "nominal";
  return safe_case_id(fmt::format("{}/{}/{}/{}", c.request, c.technique, c.form, what));
}

std::string safe_case_id(std::string id) {
  for (char& ch : id) {
    bool safe = std::isalnum(static_cast<unsigned char>(ch)) || ch == '.' || ch == '_' || ch == '=' ||
                ch == ',' || ch == '+' || ch == '-' || ch == '/';
    if (!safe) ch = '_';
  }
  return id;
}

}  // namespace glassbox::suite
