#include "generators/error_guessing/catalogue.hpp"

#include <cstdint>
#include <limits>

namespace glassbox::generators::guessing {

namespace {

using suite::InputType;

constexpr TypeSet kInt = 1u << static_cast<unsigned>(InputType::Int);
constexpr TypeSet kNumber = 1u << static_cast<unsigned>(InputType::Number);
constexpr TypeSet kString = 1u << static_cast<unsigned>(InputType::String);
constexpr TypeSet kEnum = 1u << static_cast<unsigned>(InputType::Enum);
constexpr TypeSet kBool = 1u << static_cast<unsigned>(InputType::Bool);
constexpr TypeSet kDate = 1u << static_cast<unsigned>(InputType::Date);
constexpr TypeSet kNumeric = kInt | kNumber;
constexpr TypeSet kText = kString | kEnum | kDate;  // inputs whose values are strings

Entry value(std::string id, TypeSet types, Value v, std::string sent) {
  Entry e;
  e.id = std::move(id);
  e.types = types;
  e.value = std::move(v);
  e.sent = std::move(sent);
  return e;
}

// Raw JSON for the body; `shown` is what reports show and the text path and query carry.
Entry raw(std::string id, TypeSet types, std::string raw_json, std::string shown, std::string sent,
          std::optional<std::string> raw_text = std::nullopt) {
  Entry e = value(std::move(id), types, Value(std::move(shown)), std::move(sent));
  e.mutation = Mutation::RawJson;
  e.raw_json = std::move(raw_json);
  e.raw_text = std::move(raw_text);
  return e;
}

Entry derived(std::string id, TypeSet types, Derive derive, Mutation mutation, std::string sent) {
  Entry e = value(std::move(id), types, Value(), std::move(sent));
  e.derive = derive;
  e.mutation = mutation;
  return e;
}

Entry edit(std::string id, Mutation mutation, std::string raw_json, std::string sent) {
  Entry e = value(std::move(id), kAllTypes, Value(), std::move(sent));
  e.mutation = mutation;
  e.raw_json = std::move(raw_json);
  return e;
}

std::vector<Entry> build() {
  const std::string nul("a\0b", 3);
  std::vector<Entry> entries = {
      value("field.empty", kAllTypes, "", "an empty string"),
      value("field.null", kAllTypes, nullptr, "`null`"),
      edit("field.missing", Mutation::OmitField, "",
           "nothing: the body member is left out, as is a query parameter or header that is only this input"),

      value("type.string", kNumeric | kBool, "abc", "the string `\"abc\"`"),
      value("type.number", kText | kBool, 123, "the number `123`"),
      value("type.bool", kNumeric | kText, true, "`true`"),
      value("type.array", kAllTypes, Value::array(), "an empty array `[]`"),
      value("type.object", kAllTypes, Value::object(), "an empty object `{}`"),

      value("string.long", kText, std::string(10000, 'a'), "10,000 characters `aaa...`"),

      derived("whitespace.surrounding", kAllTypes & ~kBool, Derive::Surround, Mutation::Value,
              "the valid value's text with two spaces before and after, as a string"),
      value("whitespace.only", kText, "   ", "three spaces"),

      value("unicode.combining", kText, "a\u0301\u0302\u0303\u0304\u0305\u0306",
            "`a` followed by six combining marks (U+0301..U+0306)"),
      value("unicode.rtl", kText, "abc\u202Edef", "a right-to-left override (U+202E) inside `abcdef`"),
      value("unicode.emoji", kText, "\U0001F600\U0001F44D\U0001F3FD\U0001F468\u200D\U0001F469\u200D\U0001F467",
            "emoji beyond the BMP, a skin-tone modifier and a zero-width-joiner sequence"),
      value("unicode.zero_width", kText, "a\u200Bb\uFEFF", "a zero-width space and a byte-order mark"),
      value("unicode.nul", kText, nul, "`a`, U+0000, `b` (not sent in headers)"),
      raw("unicode.lone_surrogate", kText, "\"\\ud800\"", "\\ud800",
          "a lone surrogate: the body string `\"\\ud800\"`; bytes ED A0 80 in path, query and headers",
          std::string("\xED\xA0\x80")),
      raw("unicode.invalid_utf8", kText, "\"\xFF\xFE\"", "\\xff\\xfe",
          "the bytes FF FE, which are not UTF-8, inside a body string and in path, query and headers",
          std::string("\xFF\xFE")),

      raw("number.negative_zero", kNumeric, "-0", "-0", "`-0`"),
      raw("number.nan", kNumeric, "NaN", "NaN", "`NaN` (not JSON: the body holds it bare)"),
      raw("number.infinity", kNumeric, "Infinity", "Infinity", "`Infinity` (bare in a body)"),
      raw("number.negative_infinity", kNumeric, "-Infinity", "-Infinity", "`-Infinity` (bare in a body)"),
      raw("number.huge_exponent", kNumeric, "1e999", "1e999", "`1e999`, beyond any double"),
      value("number.tiny", kNumber, 5e-324, "`5e-324`, the smallest subnormal double"),
      value("number.fraction", kInt, 0.5, "`0.5` where an integer is expected"),
      derived("number.leading_zeros", kNumeric, Derive::LeadingZeros, Mutation::RawJson,
              "the valid value with `00` in front (`0042`; bare in a body, where JSON forbids it)"),

      value("integer.int32_max_plus_one", kNumeric, std::int64_t{2147483648}, "`2147483648` (2^31)"),
      value("integer.int32_min_minus_one", kNumeric, std::int64_t{-2147483649}, "`-2147483649` (-2^31 - 1)"),
      value("integer.int64_max", kNumeric, std::numeric_limits<std::int64_t>::max(),
            "`9223372036854775807` (2^63 - 1)"),
      value("integer.int64_max_plus_one", kNumeric, std::uint64_t{9223372036854775808u},
            "`9223372036854775808` (2^63)"),
      value("integer.int64_min", kNumeric, std::numeric_limits<std::int64_t>::min(),
            "`-9223372036854775808` (-2^63)"),
      raw("integer.int64_min_minus_one", kNumeric, "-9223372036854775809", "-9223372036854775809",
          "`-9223372036854775809` (-2^63 - 1)"),
      raw("integer.uint64_max_plus_one", kNumeric, "18446744073709551616", "18446744073709551616",
          "`18446744073709551616` (2^64)"),
      value("integer.beyond_double", kNumeric, std::int64_t{9007199254740993},
            "`9007199254740993` (2^53 + 1, which a double cannot hold)"),

      value("sql.quote", kAllTypes, "'", "a single quote `'`"),
      value("sql.tautology", kAllTypes, "' OR '1'='1", "`' OR '1'='1`"),
      value("sql.union", kAllTypes, "' UNION SELECT NULL--", "`' UNION SELECT NULL--`"),
      value("sql.stacked", kAllTypes, "1; DROP TABLE users--", "`1; DROP TABLE users--`"),

      value("shell.semicolon", kAllTypes, "; id", "`; id`"),
      value("shell.substitution", kAllTypes, "$(id)", "`$(id)`"),
      value("shell.backticks", kAllTypes, "`id`", "`id` in backticks"),
      value("shell.pipe", kAllTypes, "| id", "`| id`"),

      value("path.traversal", kAllTypes, "../../../../etc/passwd", "`../../../../etc/passwd`"),
      value("path.traversal_encoded", kAllTypes, "..%2F..%2F..%2Fetc%2Fpasswd",
            "`..%2F..%2F..%2Fetc%2Fpasswd` (encoded once more in a URL)"),
      value("path.backslash", kAllTypes, "..\\..\\..\\windows\\win.ini", "`..\\..\\..\\windows\\win.ini`"),

      value("format.printf", kAllTypes, "%s%s%s%s%n", "`%s%s%s%s%n`"),
      value("format.braces", kAllTypes, "{}{0}{name}", "`{}{0}{name}`"),
      value("format.template", kAllTypes, "${7*7}#{7*7}{{7*7}}", "`${7*7}#{7*7}{{7*7}}`"),
      value("format.jndi", kAllTypes, "${jndi:ldap://127.0.0.1:1/a}", "`${jndi:ldap://127.0.0.1:1/a}`"),

      value("injection.crlf", kAllTypes, "a\r\nX-Injected: 1", "`a`, CR LF, `X-Injected: 1` (not sent in headers)"),
      value("injection.html", kAllTypes, "<script>alert(1)</script>", "`<script>alert(1)</script>`"),

      edit("json.duplicate_key", Mutation::DuplicateKey, "null",
           "the body member twice: the valid value, then `null` (bodies only)"),
  };
  for (Entry& e : entries) e.category = e.id.substr(0, e.id.find('.'));
  return entries;
}

std::string text_of(const Value& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

}  // namespace

TypeSet type_bit(InputType type) { return 1u << static_cast<unsigned>(type); }

const std::vector<Entry>& builtin_catalogue() {
  static const std::vector<Entry> entries = build();
  return entries;
}

std::vector<std::string_view> categories() {
  std::vector<std::string_view> out;
  for (const Entry& e : builtin_catalogue())
    if (out.empty() || out.back() != e.category) out.push_back(e.category);
  out.push_back("extra");
  return out;
}

bool applies_to(const Entry& entry, InputType type) { return (entry.types & type_bit(type)) != 0; }

Guess instantiate(const Entry& entry, const std::string& input, const Value& nominal) {
  Guess guess;
  guess.value = entry.value;
  if (entry.derive == Derive::Surround) guess.value = "  " + text_of(nominal) + "  ";
  if (entry.derive == Derive::LeadingZeros) {
    std::string text = text_of(nominal);
    guess.value = text.rfind('-', 0) == 0 ? "-00" + text.substr(1) : "00" + text;
  }
  switch (entry.mutation) {
    case Mutation::Value:
      break;
    case Mutation::RawJson: {
      std::string raw_json = entry.derive == Derive::None ? entry.raw_json : guess.value.get<std::string>();
      guess.edit = suite::RawBodyEdit{suite::RawBodyEdit::Kind::RawValue, input, std::move(raw_json), entry.raw_text};
      break;
    }
    case Mutation::OmitField:
      guess.value = "(missing)";
      guess.edit = suite::RawBodyEdit{suite::RawBodyEdit::Kind::OmitField, input, "", std::nullopt};
      break;
    case Mutation::DuplicateKey:
      guess.value = nominal;
      guess.edit = suite::RawBodyEdit{suite::RawBodyEdit::Kind::DuplicateKey, input, entry.raw_json, std::nullopt};
      break;
  }
  return guess;
}

std::string text_outside_body(const Guess& guess) {
  if (guess.edit && guess.edit->kind == suite::RawBodyEdit::Kind::OmitField) return "";
  if (guess.edit && guess.edit->raw_text) return *guess.edit->raw_text;
  return text_of(guess.value);
}

}  // namespace glassbox::generators::guessing
