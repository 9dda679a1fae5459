#include "reports/writers/html_builder.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

namespace glassbox::reports::html {
namespace {

TEST(EscapeHtml, EscapesTheFiveMarkupCharacters) {
  EXPECT_EQ(escape_html("&<>\"'"), "&amp;&lt;&gt;&quot;&#39;");
  EXPECT_EQ(escape_html("a < b && c > \"d\" 'e'"), "a &lt; b &amp;&amp; c &gt; &quot;d&quot; &#39;e&#39;");
}

TEST(EscapeHtml, KeepsValidUtf8AndLayoutWhitespace) {
  EXPECT_EQ(escape_html("Grüße — 日本語 ✓ 🙂\t\r\n"), "Grüße — 日本語 ✓ 🙂\t\r\n");
}

TEST(EscapeHtml, ReplacesInvalidUtf8ByteByByte) {
  EXPECT_EQ(escape_html("a\xff" "b"), "a\uFFFD" "b");
  EXPECT_EQ(escape_html("\xC0\xAF"), "\uFFFD\uFFFD");          // overlong '/'
  EXPECT_EQ(escape_html("\xED\xA0\x80"), "\uFFFD\uFFFD\uFFFD");  // surrogate
  EXPECT_EQ(escape_html("\xE6\x97"), "\uFFFD\uFFFD");          // cut short
}

TEST(EscapeHtml, ReplacesControlCharacters) {
  EXPECT_EQ(escape_html(std::string("a\0b\x1b[2J\x7f\xC2\x85", 10)), "a\uFFFD" "b\uFFFD[2J\uFFFD\uFFFD");
}

TEST(HtmlBuilder, EscapesTextAndAttributeValues) {
  HtmlBuilder b;
  {
    auto p = b.open("p", {{"class", "x\" onclick=\"y"}, {"title", "<'&'>"}});
    b.text("</p><script>alert(1)</script>");
  }
  EXPECT_EQ(std::move(b).take(),
            "<!DOCTYPE html>\n"
            "<p class=\"x&quot; onclick=&quot;y\" title=\"&lt;&#39;&amp;&#39;&gt;\">"
            "&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
}

TEST(HtmlBuilder, ClosesElementsInReverseOrderOfScope) {
  HtmlBuilder b;
  {
    auto div = b.open("div");
    auto span = b.open("span");
    b.element("b", "bold");
    b.empty("br");
  }
  EXPECT_EQ(std::move(b).take(), "<!DOCTYPE html>\n<div><span><b>bold</b><br></span></div>\n");
}

TEST(HtmlBuilder, KeepsALeadingNewlineOfPreformattedText) {
  HtmlBuilder b;
  b.element("pre", "\nfirst line was empty");
  EXPECT_EQ(std::move(b).take(), "<!DOCTYPE html>\n<pre>\n\nfirst line was empty</pre>");
}

TEST(HtmlBuilderDeathTest, RefusesStyleAttributesAndScriptElements) {
  EXPECT_DEATH({ HtmlBuilder b; b.empty("div", {{"style", "color:red"}}); }, "refusing attribute 'style'");
  EXPECT_DEATH({ HtmlBuilder b; b.empty("img", {{"onerror", "x"}}); }, "refusing attribute 'onerror'");
  EXPECT_DEATH({ HtmlBuilder b; auto s = b.open("SCRIPT"); }, "refusing element 'SCRIPT'");
  EXPECT_DEATH({ HtmlBuilder b; b.element("style", "x"); }, "refusing element 'style'");
  EXPECT_DEATH({ HtmlBuilder b; b.empty("a", {{"href x", "y"}}); }, "refusing attribute 'href x'");
}

bool is_valid_utf8(const std::string& s) {
  // The escaped output must be unchanged by a second pass that only replaces invalid bytes
  // and controls, i.e. contain none.
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t n = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

RC_GTEST_PROP(EscapeHtml, OutputHasNoMarkupAndOnlyKnownEntities, (const std::string& input)) {
  const std::string out = escape_html(input);
  RC_ASSERT(out.find_first_of("<>\"'") == std::string::npos);
  for (std::size_t at = out.find('&'); at != std::string::npos; at = out.find('&', at + 1)) {
    const std::string_view rest = std::string_view(out).substr(at);
    RC_ASSERT(rest.starts_with("&amp;") || rest.starts_with("&lt;") || rest.starts_with("&gt;") ||
              rest.starts_with("&quot;") || rest.starts_with("&#39;"));
  }
  RC_ASSERT(is_valid_utf8(out));
}

RC_GTEST_PROP(EscapeHtml, LeavesPlainPrintableAsciiUnchanged, ()) {
  const std::string input = *rc::gen::container<std::string>(rc::gen::elementOf(std::string(
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:-_/()[]{}=+*!?#%@\n\t")));
  RC_ASSERT(escape_html(input) == input);
}

}  // namespace
}  // namespace glassbox::reports::html
