#include "reports/writers/xml_writer.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

namespace glassbox::reports {
namespace {

TEST(XmlWriter, IndentsNestedElementsAndClosesEmptyOnes) {
  XmlWriter xml;
  {
    auto root = xml.element("root");
    root.attribute("n", 2);
    auto child = xml.element("child");
    child.attribute("name", "a");
    { auto leaf = xml.element("leaf"); }
  }
  EXPECT_EQ(xml.str(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<root n=\"2\">\n"
            "  <child name=\"a\">\n"
            "    <leaf/>\n"
            "  </child>\n"
            "</root>\n");
}

TEST(XmlWriter, AddsNoWhitespaceInsideTextContent) {
  XmlWriter xml;
  {
    auto root = xml.element("root");
    root.text("line 1\n");
    xml.element("b").text("bold");
    root.text(" after");
  }
  EXPECT_EQ(xml.str(), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<root>line 1\n<b>bold</b> after</root>\n");
}

TEST(XmlWriter, EscapesMarkupInText) {
  EXPECT_EQ(xml_escape_text("<script>alert(1)</script> & ]]> \"q\" 'a'"),
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; ]]&gt; \"q\" 'a'");
}

TEST(XmlWriter, EscapesQuotesAndWhitespaceInAttributes) {
  EXPECT_EQ(xml_escape_attribute("a\"b'c<d>&e\tf\ng\rh"), "a&quot;b&apos;c&lt;d&gt;&amp;e&#9;f&#10;g&#13;h");
}

TEST(XmlWriter, EscapesControlCharactersXmlForbids) {
  EXPECT_EQ(xml_escape_text(std::string("a\x01" "b\x1f" "c\0d", 7)), "a\\x01b\\x1Fc\\x00d");
  EXPECT_EQ(xml_escape_text("keep\ttab\nnewline"), "keep\ttab\nnewline");
  EXPECT_EQ(xml_escape_text("cr\r"), "cr&#13;");
}

TEST(XmlWriter, KeepsValidUtf8AndReplacesInvalidBytes) {
  EXPECT_EQ(xml_escape_text("h\xc3\xa9llo \xe2\x9c\x93 \xf0\x9f\x98\x80"), "h\xc3\xa9llo \xe2\x9c\x93 \xf0\x9f\x98\x80");
  EXPECT_EQ(xml_escape_text("bad \xff byte"), "bad \xef\xbf\xbd byte");
  EXPECT_EQ(xml_escape_text("cut \xe2\x9c"), "cut \xef\xbf\xbd\xef\xbf\xbd");
  EXPECT_EQ(xml_escape_text("overlong \xc0\xaf"), "overlong \xef\xbf\xbd\xef\xbf\xbd");
  EXPECT_EQ(xml_escape_text("surrogate \xed\xa0\x80"), "surrogate \xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
  EXPECT_EQ(xml_escape_text("nonchar \xef\xbf\xbe"), "nonchar \xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
}

// True when `s` is valid UTF-8 holding only characters XML 1.0 allows, and has no '<'
// and no '&' that does not start a character or entity reference.
bool is_safe_xml_text(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '<') return false;
    if (c == '&') {
      const std::size_t semi = s.find(';', i);
      if (semi == std::string::npos || semi - i > 6) return false;
      i = semi + 1;
      continue;
    }
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return false;
    if (c < 0x80) {
      ++i;
      continue;
    }
    const std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (length == 0 || i + length > s.size()) return false;
    std::uint32_t cp = c & (0xFFu >> (length + 1));
    for (std::size_t k = 1; k < length; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if ((b & 0xC0u) != 0x80u) return false;
      cp = (cp << 6) | (b & 0x3Fu);
    }
    if ((length == 3 && cp < 0x800) || (length == 4 && cp < 0x10000) || (cp >= 0xD800 && cp <= 0xDFFF) ||
        cp == 0xFFFE || cp == 0xFFFF || cp > 0x10FFFF)
      return false;
    i += length;
  }
  return true;
}

RC_GTEST_PROP(XmlWriterProperty, EscapedTextIsAlwaysSafeXml, (const std::string& s)) {
  RC_ASSERT(is_safe_xml_text(xml_escape_text(s)));
  const std::string attribute = xml_escape_attribute(s);
  RC_ASSERT(is_safe_xml_text(attribute));
  RC_ASSERT(attribute.find('"') == std::string::npos);
}

RC_GTEST_PROP(XmlWriterProperty, PrintableAsciiOnlyChangesInItsSpecials, ()) {
  const auto s = *rc::gen::container<std::string>(rc::gen::inRange<char>(0x20, 0x7F));
  std::string unescaped = xml_escape_text(s);
  for (const auto& [entity, c] : {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}}) {
    for (std::size_t at = unescaped.find(entity); at != std::string::npos; at = unescaped.find(entity, at + 1))
      unescaped.replace(at, std::string_view(entity).size(), c);
  }
  RC_ASSERT(unescaped == s);
}

}  // namespace
}  // namespace glassbox::reports
