#include "suites/runner/label_selector.hpp"

#include <cctype>
#include <optional>
#include <string>

#include <fmt/format.h>

namespace glassbox::runner {

namespace {

using prometheus::LabelMatcher;
using prometheus::MatchOp;

bool name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool name_char(char c) { return name_start(c) || std::isdigit(static_cast<unsigned char>(c)); }

class MatcherParser final {
 public:
  explicit MatcherParser(std::string_view text) : text_(text) {}

  Expected<std::vector<LabelMatcher>> parse() {
    std::vector<LabelMatcher> matchers;
    skip_spaces();
    while (at_ < text_.size()) {
      std::string name = read_name();
      if (name.empty()) return fail("expected a label name");
      skip_spaces();
      const std::optional<MatchOp> op = read_op();
      if (!op) return fail("expected '=', '!=', '=~' or '!~' after the label name");
      skip_spaces();
      std::optional<std::string> value = read_quoted();
      if (!value) return fail(error_.empty() ? "expected a quoted value" : error_);
      Expected<LabelMatcher> matcher = LabelMatcher::make(std::move(name), *op, std::move(*value));
      if (!matcher) return Error(fmt::format("label matchers '{}': {}", text_, matcher.error().message));
      matchers.push_back(std::move(*matcher));
      skip_spaces();
      if (at_ == text_.size()) break;
      if (text_[at_] != ',') return fail("expected ',' between matchers");
      ++at_;
      skip_spaces();
    }
    return matchers;
  }

 private:
  Error fail(const std::string& what) const {
    return Error(fmt::format("label matchers '{}': column {}: {}", text_, at_ + 1, what));
  }

  void skip_spaces() {
    while (at_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[at_]))) ++at_;
  }

  std::string read_name() {
    if (at_ >= text_.size() || !name_start(text_[at_])) return "";
    const std::size_t start = at_;
    while (at_ < text_.size() && name_char(text_[at_])) ++at_;
    return std::string(text_.substr(start, at_ - start));
  }

  std::optional<MatchOp> read_op() {
    const std::string_view rest = text_.substr(at_);
    const auto take = [&](std::size_t n, MatchOp op) {
      at_ += n;
      return op;
    };
    if (rest.rfind("=~", 0) == 0) return take(2, MatchOp::Regex);
    if (rest.rfind("!~", 0) == 0) return take(2, MatchOp::NotRegex);
    if (rest.rfind("!=", 0) == 0) return take(2, MatchOp::NotEqual);
    if (rest.rfind("=", 0) == 0) return take(1, MatchOp::Equal);
    return std::nullopt;
  }

  std::optional<std::string> read_quoted() {
    if (at_ >= text_.size() || (text_[at_] != '"' && text_[at_] != '\'')) return std::nullopt;
    const char quote = text_[at_++];
    std::string value;
    while (at_ < text_.size() && text_[at_] != quote) {
      char c = text_[at_++];
      if (c == '\\') {
        if (at_ >= text_.size()) break;
        const char escaped = text_[at_++];
        c = escaped == 'n' ? '\n' : escaped == 't' ? '\t' : escaped;
      }
      value += c;
    }
    if (at_ >= text_.size()) {
      error_ = "the quoted value is not closed";
      return std::nullopt;
    }
    ++at_;   // the closing quote
    return value;
  }

  std::string_view text_;
  std::size_t at_ = 0;
  std::string error_;
};

}  // namespace

Expected<std::vector<prometheus::LabelMatcher>> parse_label_matchers(std::string_view text) {
  return MatcherParser(text).parse();
}

}  // namespace glassbox::runner
