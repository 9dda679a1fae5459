// The error-guessing catalogue: inputs that experience says break services, as data.
// Each entry has a stable id ("sql.quote", "number.nan"), a category (the part before the
// dot), the input types it applies to, and what it sends: a JSON value, or an edit of the
// body text for what no JSON value can say (NaN, -0, a lone surrogate, a duplicate key, a
// missing field). docs/suite-format.md lists the catalogue; a test keeps the two in step.
//
// Thread-safety: the catalogue is built once and immutable; the functions are pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "suites/model/case.hpp"
#include "suites/model/input.hpp"
#include "suites/model/value.hpp"

namespace glassbox::generators::guessing {

// A set of input types, one bit per suite::InputType.
using TypeSet = unsigned;
TypeSet type_bit(suite::InputType type);
inline constexpr TypeSet kAllTypes = 0x3f;

enum class Mutation {
  Value,         // `value` is sent: as JSON in a body, as its text elsewhere
  RawJson,       // `raw_json` stands in the body; `value` is what reports show (and the text elsewhere)
  OmitField,     // the field is not sent at all
  DuplicateKey,  // the body names the field twice: its nominal value, then `raw_json`
};

// Values built from the input's nominal value rather than fixed.
enum class Derive {
  None,
  Surround,      // "  <nominal text>  ", a string
  LeadingZeros,  // "00<nominal text>" (after a minus sign), raw in a body
};

struct Entry {
  std::string id;        // "<category>.<name>", stable: cases cover "guess:<id>"
  std::string category;
  TypeSet types = kAllTypes;
  Mutation mutation = Mutation::Value;
  Value value;
  std::string raw_json;                 // RawJson, DuplicateKey
  std::optional<std::string> raw_text;  // path/query/header text when it is not value's (bytes, not UTF-8)
  Derive derive = Derive::None;
  std::string sent;      // what is sent, in words, for the docs table
};

// Every built-in entry, grouped by category, in a fixed order.
const std::vector<Entry>& builtin_catalogue();

// The categories, in catalogue order (and "extra" last, for entries a suite adds).
std::vector<std::string_view> categories();

bool applies_to(const Entry& entry, suite::InputType type);

// What a case built from `entry` holds for the input under test: the binding's value (what
// reports show and, unless the edit says otherwise, what is sent) and the edit, if the entry
// is not a plain value.
struct Guess {
  Value value;
  std::optional<suite::RawBodyEdit> edit;
};
Guess instantiate(const Entry& entry, const std::string& input, const Value& nominal);

// The text of a guess outside a JSON body (raw text, else the value's text): what a path,
// query parameter or header would carry.
std::string text_outside_body(const Guess& guess);

}  // namespace glassbox::generators::guessing
