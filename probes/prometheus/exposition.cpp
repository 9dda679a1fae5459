// The exposition parser: one pass over the lines, one small cursor per line. Samples join the
// family opened by the last `# TYPE`/`# HELP` when their name is that family's name plus a
// suffix its type allows; any other sample opens an untyped family of its own, as Prometheus
// does for metrics exposed without metadata.
#include "probes/prometheus/exposition.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

namespace glassbox::prometheus {
namespace {

bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9'); }

struct TypeName {
  std::string_view text;
  MetricType type;
};
constexpr std::array<TypeName, 9> kTypeNames{{
    {"counter", MetricType::Counter}, {"gauge", MetricType::Gauge}, {"histogram", MetricType::Histogram},
    {"summary", MetricType::Summary}, {"untyped", MetricType::Untyped}, {"unknown", MetricType::Untyped},
    {"info", MetricType::Info}, {"stateset", MetricType::StateSet}, {"gaugehistogram", MetricType::GaugeHistogram},
}};

// Suffixes a sample name may add to its family's name, by type ("" is the bare name).
std::vector<std::string_view> sample_suffixes(MetricType type) {
  switch (type) {
    case MetricType::Counter: return {"", "_total", "_created"};
    case MetricType::Histogram: return {"_bucket", "_sum", "_count", "_created"};
    case MetricType::GaugeHistogram: return {"_bucket", "_gsum", "_gcount"};
    case MetricType::Summary: return {"", "_sum", "_count", "_created"};
    case MetricType::Info: return {"", "_info"};
    default: return {""};
  }
}

bool belongs_to(std::string_view sample_name, const MetricFamily& family) {
  if (sample_name.substr(0, family.name.size()) != family.name) return false;
  const std::string_view suffix = sample_name.substr(family.name.size());
  const auto allowed = sample_suffixes(family.type);
  return std::find(allowed.begin(), allowed.end(), suffix) != allowed.end();
}

// One line being read; positions are 0-based here and reported 1-based.
class LineCursor final {
 public:
  LineCursor(std::string_view line, int line_number) : line_(line), line_number_(line_number) {}

  Error error_at(std::size_t position, std::string_view message) const {
    return Error(fmt::format("metrics line {}, column {}: {}", line_number_, position + 1, message));
  }
  Error error_here(std::string_view message) const { return error_at(pos_, message); }

  bool at_end() const { return pos_ >= line_.size(); }
  char peek() const { return at_end() ? '\0' : line_[pos_]; }
  std::size_t position() const { return pos_; }
  void advance() { ++pos_; }
  std::string_view rest() const { return line_.substr(std::min(pos_, line_.size())); }

  void skip_blanks() {
    while (!at_end() && (peek() == ' ' || peek() == '\t')) ++pos_;
  }
  // A run of characters up to the next blank.
  std::string_view token() {
    const std::size_t start = pos_;
    while (!at_end() && peek() != ' ' && peek() != '\t') ++pos_;
    return line_.substr(start, pos_ - start);
  }
  // [a-zA-Z_:][a-zA-Z0-9_:]* for metric names, without ':' for label names.
  std::string_view name(bool allow_colon) {
    const std::size_t start = pos_;
    auto ok = [&](char c, bool first) { return (first ? is_name_start(c) : is_name_char(c)) || (allow_colon && c == ':'); };
    if (at_end() || !ok(peek(), true)) return {};
    while (!at_end() && ok(peek(), false)) ++pos_;
    return line_.substr(start, pos_ - start);
  }

 private:
  std::string_view line_;
  int line_number_;
  std::size_t pos_ = 0;
};

Expected<std::string> quoted_label_value(LineCursor& cursor) {
  if (cursor.peek() != '"') return cursor.error_here("label value is not quoted");
  const std::size_t open = cursor.position();
  cursor.advance();
  std::string value;
  while (!cursor.at_end()) {
    const char c = cursor.peek();
    if (c == '"') {
      cursor.advance();
      return value;
    }
    if (c == '\\') {
      cursor.advance();
      switch (cursor.peek()) {
        case '\\': value += '\\'; break;
        case '"': value += '"'; break;
        case 'n': value += '\n'; break;
        default: return cursor.error_at(cursor.position() - 1, "unknown escape in label value (use \\\\, \\\" or \\n)");
      }
    } else {
      value += c;
    }
    cursor.advance();
  }
  return cursor.error_at(open, "label value is not terminated");
}

Expected<Labels> label_set(LineCursor& cursor) {
  Labels labels;
  cursor.advance();   // '{'
  for (;;) {
    cursor.skip_blanks();
    if (cursor.peek() == '}') break;
    const std::size_t name_at = cursor.position();
    const std::string_view name = cursor.name(false);
    if (name.empty()) return cursor.error_here("expected a label name or '}'");
    cursor.skip_blanks();
    if (cursor.peek() != '=') return cursor.error_here(fmt::format("expected '=' after label name '{}'", name));
    cursor.advance();
    cursor.skip_blanks();
    auto value = quoted_label_value(cursor);
    if (!value) return value.error();
    if (find_label(labels, name) != nullptr) return cursor.error_at(name_at, fmt::format("duplicate label '{}'", name));
    labels.emplace_back(std::string(name), std::move(*value));
    std::sort(labels.begin(), labels.end());
    cursor.skip_blanks();
    if (cursor.peek() == ',') {
      cursor.advance();
      continue;
    }
    if (cursor.peek() != '}') return cursor.error_here("expected ',' or '}' after a label value");
  }
  cursor.advance();   // '}'
  return labels;
}

std::string unescape_help(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size() && (text[i + 1] == '\\' || text[i + 1] == 'n' || text[i + 1] == '"')) {
      out += text[i + 1] == 'n' ? '\n' : text[i + 1];
      ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

class Parser final {
 public:
  explicit Parser(ExpositionFormat format) : format_(format) {}

  Status line(std::string_view text, int number) {
    LineCursor cursor(text, number);
    cursor.skip_blanks();
    if (cursor.at_end()) return ok_status();   // blank lines are allowed in the text format
    if (cursor.peek() == '#') return comment(cursor);
    return sample(cursor);
  }

  bool saw_eof() const { return saw_eof_; }
  Exposition take() { return std::move(result_); }

 private:
  Status comment(LineCursor& cursor) {
    cursor.advance();
    cursor.skip_blanks();
    const std::string_view keyword = cursor.token();
    if (keyword == "EOF" && format_ == ExpositionFormat::OpenMetrics) {
      saw_eof_ = true;
      return ok_status();
    }
    if (keyword != "HELP" && keyword != "TYPE" && keyword != "UNIT") return ok_status();   // a plain comment
    cursor.skip_blanks();
    const std::string_view name = cursor.name(true);
    if (name.empty()) return cursor.error_here(fmt::format("expected a metric name after # {}", keyword));
    if (!cursor.at_end() && cursor.peek() != ' ' && cursor.peek() != '\t') {
      return cursor.error_here("unexpected character in metric name");
    }
    if (!cursor.at_end()) cursor.advance();   // the one separator; HELP text keeps its own blanks
    MetricFamily& family = family_for_metadata(name, keyword);
    if (keyword == "HELP") {
      family.help = unescape_help(cursor.rest());
      return ok_status();
    }
    cursor.skip_blanks();
    const std::size_t word_at = cursor.position();
    const std::string_view word = cursor.token();
    cursor.skip_blanks();
    if (keyword == "UNIT") {
      family.unit = std::string(word);
      return ok_status();
    }
    const auto known = std::find_if(kTypeNames.begin(), kTypeNames.end(), [&](const TypeName& t) { return t.text == word; });
    if (known == kTypeNames.end()) return cursor.error_at(word_at, fmt::format("unknown metric type '{}'", word));
    if (typed_.back()) return cursor.error_at(word_at, fmt::format("second TYPE line for '{}'", name));
    if (!family.samples.empty()) {
      return cursor.error_at(word_at, fmt::format("TYPE line for '{}' comes after its samples", name));
    }
    if (!cursor.at_end()) return cursor.error_here("unexpected text after the metric type");
    family.type = known->type;
    typed_.back() = true;
    return ok_status();
  }

  // The family a HELP/TYPE/UNIT line describes: the current one when the name matches and it
  // has no samples yet (HELP and TYPE come in either order), else a new one.
  MetricFamily& family_for_metadata(std::string_view name, std::string_view keyword) {
    if (!result_.families.empty()) {
      MetricFamily& last = result_.families.back();
      const bool repeated = (keyword == "HELP" && !last.help.empty()) || (keyword == "TYPE" && typed_.back());
      if (last.name == name && last.samples.empty() && !repeated) return last;
      if (last.name == name && keyword == "TYPE") return last;   // reported as misplaced by the caller
    }
    result_.families.push_back(MetricFamily{std::string(name), MetricType::Untyped, "", "", {}});
    typed_.push_back(false);
    return result_.families.back();
  }

  Status sample(LineCursor& cursor) {
    Sample sample;
    sample.name = std::string(cursor.name(true));
    if (sample.name.empty()) return cursor.error_here("expected a metric name");
    if (cursor.peek() == '{') {
      auto labels = label_set(cursor);
      if (!labels) return labels.error();
      sample.labels = std::move(*labels);
    } else if (!cursor.at_end() && cursor.peek() != ' ' && cursor.peek() != '\t') {
      return cursor.error_here("unexpected character in metric name");
    }
    cursor.skip_blanks();
    const std::size_t value_at = cursor.position();
    const std::string_view value_text = cursor.token();
    if (value_text.empty()) return cursor.error_here("expected a value after the metric name");
    const auto value = parse_float(value_text);
    if (!value) return cursor.error_at(value_at, fmt::format("'{}' is not a number", value_text));
    sample.value = *value;
    cursor.skip_blanks();
    if (!cursor.at_end() && cursor.peek() != '#') {
      const std::size_t time_at = cursor.position();
      const std::string_view time_text = cursor.token();
      const auto time = parse_float(time_text);
      if (!time || !std::isfinite(*time)) return cursor.error_at(time_at, fmt::format("'{}' is not a timestamp", time_text));
      sample.timestamp_seconds = format_ == ExpositionFormat::Text ? *time / 1000.0 : *time;
      cursor.skip_blanks();
    }
    // OpenMetrics exemplars (" # {trace_id=...} 1.0") say which trace an observation came
    // from; the SLI math does not use them.
    const bool exemplar = format_ == ExpositionFormat::OpenMetrics && cursor.peek() == '#';
    if (!cursor.at_end() && !exemplar) return cursor.error_here("unexpected text after the value");
    attach(std::move(sample));
    return ok_status();
  }

  void attach(Sample sample) {
    if (result_.families.empty() || !belongs_to(sample.name, result_.families.back())) {
      result_.families.push_back(MetricFamily{sample.name, MetricType::Untyped, "", "", {}});
      typed_.push_back(false);
    }
    result_.families.back().samples.push_back(std::move(sample));
  }

  ExpositionFormat format_;
  Exposition result_;
  std::vector<bool> typed_;   // per family: has a TYPE line been seen
  bool saw_eof_ = false;
};

}  // namespace

// std::from_chars is locale-free, unlike strtod.
std::optional<double> parse_float(std::string_view token) {
  if (token.empty()) return std::nullopt;
  bool negative = false;
  if (token[0] == '+' || token[0] == '-') {
    negative = token[0] == '-';
    token.remove_prefix(1);
    if (token.empty() || token[0] == '+' || token[0] == '-') return std::nullopt;
  }
  double value = 0;
  const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), value,
                                            std::chars_format::general);
  if (error != std::errc() || end != token.data() + token.size()) return std::nullopt;
  return negative ? -value : value;
}

std::string_view to_string(MetricType type) {
  for (const TypeName& entry : kTypeNames) {
    if (entry.type == type) return entry.text;
  }
  return "untyped";
}

const std::string* find_label(const Labels& labels, std::string_view name) {
  for (const auto& [key, value] : labels) {
    if (key == name) return &value;
  }
  return nullptr;
}

const MetricFamily* Exposition::family(std::string_view name) const {
  for (const MetricFamily& f : families) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

std::vector<const Sample*> Exposition::samples_named(std::string_view sample_name) const {
  std::vector<const Sample*> found;
  for (const MetricFamily& f : families) {
    for (const Sample& s : f.samples) {
      if (s.name == sample_name) found.push_back(&s);
    }
  }
  return found;
}

Expected<Exposition> parse_exposition(std::string_view text, ExpositionFormat format) {
  Parser parser(format);
  int number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++number;
    if (parser.saw_eof()) {
      return Error(fmt::format("metrics line {}, column 1: text after '# EOF'", number));
    }
    if (auto status = parser.line(line, number); !status) return status.error();
    start = end + 1;
  }
  if (format == ExpositionFormat::OpenMetrics && !parser.saw_eof()) {
    return Error(fmt::format("metrics line {}, column 1: OpenMetrics text must end with '# EOF'", number + 1));
  }
  return parser.take();
}

ExpositionFormat format_from_content_type(std::string_view content_type) {
  return content_type.find("application/openmetrics-text") != std::string_view::npos ? ExpositionFormat::OpenMetrics
                                                                                    : ExpositionFormat::Text;
}

}  // namespace glassbox::prometheus
