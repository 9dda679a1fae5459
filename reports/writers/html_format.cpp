// Number and text formats shared by the HTML report's sections.
#include <cmath>

#include <fmt/format.h>

#include "reports/writers/html_sections.hpp"

namespace glassbox::reports::html {

std::string format_ms(double ms) {
  if (!(ms >= 0)) ms = 0;  // also catches NaN from a corrupt results file
  if (ms < 10) return fmt::format("{:.2f} ms", ms);
  if (ms < 100) return fmt::format("{:.1f} ms", ms);
  if (ms < 1000) return fmt::format("{:.0f} ms", ms);
  if (ms < 60'000) return fmt::format("{:.2f} s", ms / 1000);
  const auto seconds = static_cast<std::uint64_t>(std::llround(ms / 1000));
  return fmt::format("{} min {} s", seconds / 60, seconds % 60);
}

std::string format_us(std::uint64_t us) { return format_ms(static_cast<double>(us) / 1000.0); }

std::string format_percent(int part, int whole) {
  if (whole <= 0) return "–";
  if (part == whole) return "100 %";
  const double percent = 100.0 * part / whole;
  // Never round a failing run up to "100 %" or a passing share down to "0 %".
  if (percent > 99.9) return "99.9 %";
  if (percent < 0.1 && part > 0) return "0.1 %";
  return fmt::format("{:.1f} %", percent);
}

std::string_view verdict_word(const RunResults& results) {
  if (results.interrupted) return "INTERRUPTED";
  return results.passed() ? "PASSED" : "FAILED";
}

std::string_view verdict_class(const RunResults& results) {
  if (results.interrupted) return "interrupted";
  return results.passed() ? "passed" : "failed";
}

std::string_view outcome_word(Outcome outcome) {
  switch (outcome) {
    case Outcome::Passed: return "PASS";
    case Outcome::Failed: return "FAIL";
    case Outcome::Error: return "ERROR";
    case Outcome::Skipped: return "SKIP";
  }
  return "?";
}

std::string case_anchor(std::size_t index) { return fmt::format("case-{}", index + 1); }

namespace {

// Re-indents valid JSON by changing whitespace only: keys keep their order, duplicates
// and number spellings stay as the service sent them, which a parse-and-dump would lose.
std::string reindent_json(std::string_view json) {
  std::string out;
  out.reserve(json.size() + json.size() / 4);
  int depth = 0;
  const auto newline = [&] { out += '\n'; out.append(static_cast<std::size_t>(2 * depth), ' '); };
  const auto next_significant = [&](std::size_t i) {
    while (i < json.size() && (json[i] == ' ' || json[i] == '\t' || json[i] == '\r' || json[i] == '\n')) ++i;
    return i < json.size() ? json[i] : '\0';
  };
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (c == '"') {
      const std::size_t start = i;
      for (++i; i < json.size() && json[i] != '"'; ++i)
        if (json[i] == '\\') ++i;
      out.append(json.substr(start, i - start + 1));
    } else if (c == '{' || c == '[') {
      out += c;
      if (next_significant(i + 1) == (c == '{' ? '}' : ']')) continue;  // "{}" stays on one line
      ++depth;
      newline();
    } else if (c == '}' || c == ']') {
      if (out.back() != '{' && out.back() != '[') {
        --depth;
        newline();
      }
      out += c;
    } else if (c == ',') {
      out += c;
      newline();
    } else if (c == ':') {
      out += ": ";
    } else if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
      out += c;
    }
  }
  return out;
}

// Pretty-printed when the body is a JSON object or array; other bodies are shown as they came.
std::string readable_body(std::string_view body) {
  const auto first = body.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || (body[first] != '{' && body[first] != '[')) return std::string(body);
  if (!Value::accept(body.begin(), body.end())) return std::string(body);
  return reindent_json(body);
}

}  // namespace

ShownBody shown_body(std::string_view body, Outcome outcome) {
  ShownBody shown{readable_body(body), 0};
  if (outcome != Outcome::Passed || shown.text.size() <= kPassedBodyLimit) return shown;
  std::size_t cut = kPassedBodyLimit;
  // Back off to the start of a UTF-8 sequence so the cut does not leave half a character.
  while (cut > 0 && (static_cast<unsigned char>(shown.text[cut]) & 0xC0) == 0x80) --cut;
  shown.elided_bytes = shown.text.size() - cut;
  shown.text.resize(cut);
  return shown;
}

}  // namespace glassbox::reports::html
