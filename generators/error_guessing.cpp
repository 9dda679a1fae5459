// Error guessing: the inputs experience says break services (generators/error_guessing/
// catalogue.hpp), one case per input under test and catalogue entry that applies to its
// type, the request's other inputs at their nominal values. The form picks a category, or
// `all`. A case covers "guess:<entry id>".
//
// Whether a service should accept "  42  " or an emoji is the service's business, so by
// default a case asks only what no input excuses: an answer that is not 5xx, within the
// request's latency limit (a hang is a timeout error already). `expect: invalid` asks for
// the request's expect_invalid instead.
#include <algorithm>

#include <fmt/format.h>

#include "generators/case_builder.hpp"
#include "generators/error_guessing/catalogue.hpp"
#include "generators/error_guessing/options.hpp"
#include "generators/techniques.hpp"
#include "generators/values.hpp"
#include "suites/model/template.hpp"

namespace glassbox::generators {

namespace {

using namespace guessing;

constexpr std::string_view kName = "error_guessing";

// Where a request carries an input: entries some places cannot carry are left out there.
struct Placement {
  bool in_body = false;
  bool in_header = false;
};

Placement placement_of(const suite::Request& request, const std::string& input) {
  Placement p;
  if (request.body) {
    std::vector<std::string> names;
    suite::collect_placeholders(*request.body, names);
    p.in_body = std::find(names.begin(), names.end(), input) != names.end();
  }
  for (const auto& [name, tmpl] : request.headers) {
    std::vector<std::string> names = suite::placeholders(tmpl);
    p.in_header = p.in_header || std::find(names.begin(), names.end(), input) != names.end();
  }
  return p;
}

// HTTP has no way to carry a line break or NUL in a header value, and a duplicate key
// needs a JSON object to repeat it in.
bool sendable(const Entry& entry, const Guess& guess, const Placement& placement) {
  if (entry.mutation == Mutation::DuplicateKey && !placement.in_body) return false;
  if (!placement.in_header) return true;
  std::string text = text_outside_body(guess);
  return text.find_first_of(std::string_view("\r\n\0", 3)) == std::string::npos;
}

suite::Expectation no_5xx(const GenerationContext& context) {
  suite::Expectation e;
  e.status = suite::StatusSpec{{}, {1, 2, 3, 4}};
  e.latency_max_ms = context.request.expect.latency_max_ms;
  e.where = context.use.where;
  return e;
}

suite::Case make_case(const GenerationContext& context, const Group& group, std::string_view form,
                      const suite::Input& input, const Entry& entry, Guess guess, const Options& options) {
  suite::Binding b;
  b.input = input.name;
  b.value = std::move(guess.value);
  b.class_name = entry.id;  // an error guess stands for no class of the input: it names the entry
  b.valid = false;
  b.under_test = true;
  // The group's other inputs stay at nominal: one guess per case, so a failure names it.
  std::vector<suite::Binding> varied;
  for (const suite::Input* other : group.under_test) {
    if (other == &input) varied.push_back(std::move(b));
    else varied.push_back(classified_binding(*other, nominal_value(*other), "", Role::Held));
  }
  std::string label = input.name + "=" + entry.id;
  suite::Case c = assemble_case(context, kName, form, label, group, std::move(varied), "");
  if (options.expect == ExpectMode::No5xx) {
    c.expect = no_5xx(context);
    c.expected_outcome = "no 5xx";
  } else {
    c.expect = context.request.expect_invalid;
    c.expected_outcome = fmt::format("invalid ({})", label);
  }
  c.covers = {"guess:" + entry.id};
  c.body_edit = std::move(guess.edit);
  return c;
}

class ErrorGuessingGenerator final : public Generator {
 public:
  std::string_view name() const override { return kName; }
  std::string_view summary() const override {
    return "error guessing: a catalogue of inputs that break services (empty, null, missing, wrong type, long, "
           "unicode, NaN, overflow, injection payloads, duplicate keys), expecting no 5xx";
  }
  std::vector<std::string_view> forms() const override {
    std::vector<std::string_view> forms = {"all"};
    for (std::string_view category : categories()) forms.push_back(category);
    return forms;
  }

  Expected<std::vector<suite::Case>> generate(const GenerationContext& context) const override {
    auto form = resolve_form(*this, context.use);
    if (!form) return form.error();
    auto group = resolve_group(context, kName);
    if (!group) return group.error();
    auto options = read_options(context);
    if (!options) return options.error();

    std::vector<const Entry*> entries;
    for (const Entry& e : builtin_catalogue()) entries.push_back(&e);
    for (const Entry& e : options->extra) entries.push_back(&e);

    std::vector<suite::Case> cases;
    for (const suite::Input* input : group->under_test) {
      const Placement placement = placement_of(context.request, input->name);
      const Value nominal = nominal_value(*input);
      for (const Entry* entry : entries) {
        if (!applies_to(*entry, input->type) || !selected(*entry, *form, *options)) continue;
        Guess guess = instantiate(*entry, input->name, nominal);
        if (!sendable(*entry, guess, placement)) continue;
        cases.push_back(make_case(context, *group, *form, *input, *entry, std::move(guess), *options));
      }
    }
    return cases;
  }
};

}  // namespace

const Generator& error_guessing_generator() {
  static const ErrorGuessingGenerator instance;
  return instance;
}

}  // namespace glassbox::generators
