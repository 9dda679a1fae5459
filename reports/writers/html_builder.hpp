// A small HTML builder with scoped elements. It does all escaping for the HTML report:
// text and attribute values go through escape_html(), so a writer only decides what to
// write and never escapes by hand. This is the report's XSS defence: a response body,
// header or message from a service cannot open an element or an attribute.
//
// Tag and attribute names are the writer's own literals and are checked to be plain
// names (letters, digits, '-'); a bad one is a programming error and aborts. There is no way to emit a `style` attribute or a <script> or
// <style> element, because the report must stay readable under Jenkins' default
// Content-Security-Policy (no inline scripts or styles).
//
// Not thread-safe: one builder per document.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace glassbox::reports::html {

// Escapes & < > " ' as entities, replaces bytes that are not valid UTF-8 and control
// characters other than tab, newline and carriage return with U+FFFD. Safe both as text
// and inside a double- or single-quoted attribute value.
std::string escape_html(std::string_view text);
// The same, appended to `out`: the builder's path, with no temporary per call.
void append_escaped_html(std::string& out, std::string_view text);

// One attribute. The value is kept by value so callers can pass computed strings.
struct Attr {
  std::string_view name;
  std::string value;
};
using Attrs = std::vector<Attr>;

class HtmlBuilder final {
 public:
  // Closes its element when it goes out of scope. Elements close in reverse order of
  // opening, which scoping guarantees; the builder asserts it.
  class [[nodiscard]] Element final {
   public:
    Element(Element&& other) noexcept;
    Element(const Element&) = delete;
    Element& operator=(const Element&) = delete;
    Element& operator=(Element&&) = delete;
    ~Element();

   private:
    friend class HtmlBuilder;
    Element(HtmlBuilder* builder, std::size_t depth) : builder_(builder), depth_(depth) {}
    HtmlBuilder* builder_;
    std::size_t depth_;
  };

  HtmlBuilder();
  // Reserves room for a document of about `expected_bytes`, so large pages grow without
  // repeated reallocation.
  explicit HtmlBuilder(std::size_t expected_bytes);

  // <tag attrs...>; the returned guard writes </tag>.
  Element open(std::string_view tag, const Attrs& attrs = {});
  // <tag attrs...>escaped text</tag>
  void element(std::string_view tag, const Attrs& attrs, std::string_view text);
  void element(std::string_view tag, std::string_view text) { element(tag, {}, text); }
  // A void element (<meta>, <link>, <br>, <col>): no content, no closing tag.
  void empty(std::string_view tag, const Attrs& attrs = {});
  // Escaped character data inside the current element.
  void text(std::string_view text);

  // The document so far ("<!DOCTYPE html>" first). Every element must be closed.
  const std::string& str() const;
  std::string take() &&;

 private:
  void close(std::size_t depth);
  void open_tag(std::string_view tag, const Attrs& attrs);

  std::string out_;
  std::vector<std::string> open_;        // tags of the open elements, innermost last
  int pre_depth_ = 0;                    // inside <pre>, no layout newlines are added
};

}  // namespace glassbox::reports::html
