#include "reports/writers/html_builder.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <utility>

namespace glassbox::reports::html {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is not one
// (overlong forms, surrogates and code points past U+10FFFF are invalid).
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  const auto continuation = [&](std::size_t k, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
    return k < s.size() && byte(k) >= lo && byte(k) <= hi;
  };
  if (b0 < 0x80) return 1;
  if (b0 >= 0xC2 && b0 <= 0xDF) return continuation(i + 1) ? 2 : 0;
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    const unsigned char lo = b0 == 0xE0 ? 0xA0 : 0x80;
    const unsigned char hi = b0 == 0xED ? 0x9F : 0xBF;
    return continuation(i + 1, lo, hi) && continuation(i + 2) ? 3 : 0;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    const unsigned char lo = b0 == 0xF0 ? 0x90 : 0x80;
    const unsigned char hi = b0 == 0xF4 ? 0x8F : 0xBF;
    return continuation(i + 1, lo, hi) && continuation(i + 2) && continuation(i + 3) ? 4 : 0;
  }
  return 0;
}

bool is_c1_control(std::string_view s, std::size_t i) {
  return static_cast<unsigned char>(s[i]) == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0;
}

// Names come from the writers' own literals; anything else is a bug, and one that could
// open a hole (an `onclick` or `style` attribute, a <script> element), so it always aborts.
void require(bool ok, std::string_view what, std::string_view name) {
  if (ok) return;
  std::fprintf(stderr, "html builder: refusing %.*s '%.*s'\n", static_cast<int>(what.size()), what.data(),
               static_cast<int>(name.size()), name.data());
  std::abort();
}

bool is_plain_name(std::string_view name) {
  if (name.empty()) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
  });
}

bool lowercase_equals(std::string_view name, std::string_view lower) {
  return name.size() == lower.size() && std::equal(name.begin(), name.end(), lower.begin(), [](char a, char b) {
           return (a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a) == b;
         });
}

bool is_allowed_tag(std::string_view tag) {
  return is_plain_name(tag) && !lowercase_equals(tag, "script") && !lowercase_equals(tag, "style") &&
         !lowercase_equals(tag, "iframe") && !lowercase_equals(tag, "object") && !lowercase_equals(tag, "embed");
}

bool is_allowed_attribute(std::string_view name) {
  const bool event_handler = name.size() > 2 && lowercase_equals(name.substr(0, 2), "on");
  return is_plain_name(name) && !lowercase_equals(name, "style") && !event_handler;
}

// Tags after which a newline keeps the file readable without changing the rendering:
// whitespace between block boxes collapses away.
bool is_block(std::string_view tag) {
  static constexpr std::array<std::string_view, 28> kBlocks = {
      "html", "head", "body", "header", "main", "footer", "nav", "section", "div", "p", "h1", "h2", "h3", "h4",
      "table", "thead", "tbody", "tr", "details", "summary", "ul", "ol", "li", "dl", "svg", "g", "title", "meta"};
  return std::find(kBlocks.begin(), kBlocks.end(), tag) != kBlocks.end();
}

// Printable ASCII other than the five escaped characters: copied as is, in runs.
bool is_plain_byte(char c) {
  const auto uc = static_cast<unsigned char>(c);
  return uc >= 0x20 && uc < 0x7F && c != '&' && c != '<' && c != '>' && c != '"' && c != '\'';
}

}  // namespace

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  append_escaped_html(out, text);
  return out;
}

void append_escaped_html(std::string& out, std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    // Most text (ids, numbers, class names, English) is plain: one append per run.
    std::size_t run = i;
    while (run < text.size() && is_plain_byte(text[run])) ++run;
    if (run > i) {
      out.append(text.data() + i, run - i);
      i = run;
      if (i == text.size()) break;
    }
    const char c = text[i];
    switch (c) {
      case '&': out += "&amp;"; ++i; continue;
      case '<': out += "&lt;"; ++i; continue;
      case '>': out += "&gt;"; ++i; continue;
      case '"': out += "&quot;"; ++i; continue;
      case '\'': out += "&#39;"; ++i; continue;
      default: break;
    }
    const std::size_t length = utf8_sequence_length(text, i);
    const auto uc = static_cast<unsigned char>(c);
    const bool control = (uc < 0x20 && c != '\t' && c != '\n' && c != '\r') || uc == 0x7F ||
                         (length == 2 && is_c1_control(text, i));
    if (length == 0 || control) {
      out += kReplacement;
      i += std::max<std::size_t>(length, 1);
      continue;
    }
    out.append(text.substr(i, length));
    i += length;
  }
}

HtmlBuilder::Element::Element(Element&& other) noexcept : builder_(std::exchange(other.builder_, nullptr)), depth_(other.depth_) {}

HtmlBuilder::Element::~Element() {
  if (builder_ != nullptr) builder_->close(depth_);
}

HtmlBuilder::HtmlBuilder() : out_("<!DOCTYPE html>\n") {}

HtmlBuilder::HtmlBuilder(std::size_t expected_bytes) : HtmlBuilder() { out_.reserve(expected_bytes); }

void HtmlBuilder::open_tag(std::string_view tag, const Attrs& attrs) {
  require(is_allowed_tag(tag), "element", tag);
  out_ += '<';
  out_ += tag;
  for (const Attr& a : attrs) {
    require(is_allowed_attribute(a.name), "attribute", a.name);
    out_ += ' ';
    out_ += a.name;
    out_ += "=\"";
    append_escaped_html(out_, a.value);
    out_ += '"';
  }
  out_ += '>';
}

HtmlBuilder::Element HtmlBuilder::open(std::string_view tag, const Attrs& attrs) {
  open_tag(tag, attrs);
  if (tag == "pre") {
    // The parser drops one newline right after <pre>; writing it means a body that starts
    // with a newline keeps it.
    out_ += '\n';
    ++pre_depth_;
  }
  open_.emplace_back(tag);
  return Element(this, open_.size() - 1);
}

void HtmlBuilder::close(std::size_t depth) {
  require(open_.size() == depth + 1, "out-of-order close of", open_.empty() ? "" : open_.back());
  const std::string tag = std::move(open_.back());
  open_.pop_back();
  if (tag == "pre") --pre_depth_;
  out_ += "</";
  out_ += tag;
  out_ += '>';
  if (pre_depth_ == 0 && is_block(tag)) out_ += '\n';
}

void HtmlBuilder::element(std::string_view tag, const Attrs& attrs, std::string_view content) {
  Element e = open(tag, attrs);
  text(content);
}

void HtmlBuilder::empty(std::string_view tag, const Attrs& attrs) {
  open_tag(tag, attrs);
  if (pre_depth_ == 0 && is_block(tag)) out_ += '\n';
}

void HtmlBuilder::text(std::string_view content) { append_escaped_html(out_, content); }

const std::string& HtmlBuilder::str() const { return out_; }

std::string HtmlBuilder::take() && {
  require(open_.empty(), "unclosed element", open_.empty() ? "" : open_.back());
  return std::move(out_);
}

}  // namespace glassbox::reports::html
