// A small streaming XML writer with scoped elements. It does all the escaping, so the
// writers that use it only decide what to write, never how to quote it:
//   - text: & < > (so "]]>" never appears), and carriage returns as &#13;;
//   - attributes: also " ' and tab / newline / carriage return as character references,
//     which attribute-value normalisation would otherwise turn into spaces;
//   - characters XML 1.0 forbids (C0 controls other than tab, newline and carriage
//     return; U+FFFE, U+FFFF) become the visible text \xNN or U+FFFD, and bytes that are
//     not valid UTF-8 become U+FFFD, so any string a service returns yields a document
//     every parser accepts.
// Element and attribute names come from our code, not from data, and are not escaped.
//
// Layout: children are indented by two spaces per level, except inside an element that
// holds text, where added whitespace would change the text.
//
// Not thread-safe: one writer per document.
//
//   XmlWriter xml;
//   {
//     auto suites = xml.element("testsuites");
//     suites.attribute("tests", 3);
//     auto suite = xml.element("testsuite");
//     suite.attribute("name", name).text("hello");
//   }                                   // elements close in reverse order of creation
//   std::string document = xml.str();
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace glassbox::reports {

class XmlWriter final {
 public:
  // The open element; closes it when destroyed. Attributes must come before any text or
  // child element of it.
  class [[nodiscard]] Element final {
   public:
    Element(Element&& other) noexcept;
    Element(const Element&) = delete;
    Element& operator=(const Element&) = delete;
    Element& operator=(Element&&) = delete;
    ~Element();

    Element& attribute(std::string_view name, std::string_view value);
    Element& attribute(std::string_view name, const char* value) { return attribute(name, std::string_view(value)); }
    Element& attribute(std::string_view name, std::int64_t value);
    Element& attribute(std::string_view name, int value) { return attribute(name, std::int64_t{value}); }
    Element& text(std::string_view text);

   private:
    friend class XmlWriter;
    explicit Element(XmlWriter* writer) : writer_(writer) {}
    XmlWriter* writer_;
  };

  XmlWriter();  // starts with the XML declaration (version 1.0, UTF-8)

  // Opens a child of the innermost open element (or the root).
  Element element(std::string_view name);

  // The document so far; complete once every Element is closed.
  const std::string& str() const { return out_; }

 private:
  struct Open {
    std::string name;
    bool has_text = false;
    bool has_children = false;
  };

  void write_attribute(std::string_view name, std::string_view value);
  void write_text(std::string_view text);
  void end_element();
  void close_start_tag();
  bool in_text_content() const;

  std::string out_;
  std::vector<Open> open_;
  bool start_tag_open_ = false;
};

// The escaping the writer applies, exposed for tests and for callers that build XML
// fragments by other means.
std::string xml_escape_text(std::string_view text);
std::string xml_escape_attribute(std::string_view value);

}  // namespace glassbox::reports
