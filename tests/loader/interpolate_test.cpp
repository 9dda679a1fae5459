// ${env:...} interpolation on its own, and the escape's round trip.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "suites/loader/interpolate.hpp"
#include "tests/loader/loader_test_support.hpp"

namespace glassbox::loader::detail {
namespace {

Getenv fake_env() {
  return testing::with_env({{"HOST", "example.com"}, {"TOKEN", "t0k"}}).getenv;
}

std::string resolved(std::string_view text) {
  auto out = interpolate_env(text, fake_env());
  return out ? out->text : "error: " + out.error().message;
}

TEST(Interpolate, ResolvesReferencesAnywhereInTheText) {
  EXPECT_EQ(resolved("https://${env:HOST}/x?t=${env:TOKEN}"), "https://example.com/x?t=t0k");
  EXPECT_EQ(resolved("${env:MISSING:-}"), "");
  EXPECT_EQ(resolved("${env:MISSING:-a:-b}"), "a:-b");
  EXPECT_EQ(resolved("$5 and $$ and $"), "$5 and $$ and $");
  EXPECT_EQ(resolved("$${env:HOST}"), "${env:HOST}");
}

TEST(Interpolate, ReportsOnlyEnvironmentValuesAsSecrets) {
  auto out = interpolate_env("${env:TOKEN} ${env:NOPE:-default} ${env:HOST}", fake_env());
  ASSERT_TRUE(out);
  EXPECT_EQ(out->secrets, (std::vector<std::string>{"t0k", "example.com"}));
}

TEST(Interpolate, RejectsReferencesThatCannotBeResolved) {
  EXPECT_EQ(resolved("${env:NOPE}"),
            "error: environment variable 'NOPE' is not set (used as ${env:NOPE}); export it or give a default: "
            "${env:NOPE:-value}");
  EXPECT_EQ(resolved("x ${env:HOST"),
            "error: '${env:HOST' has no closing '}': write ${env:NAME}, or $${ for a literal '${'");
  EXPECT_EQ(resolved("${env:1X}"),
            "error: '${env:1X}' does not name an environment variable (letters, digits and _, not starting with a "
            "digit)");
  EXPECT_EQ(resolved("${HOST}"), "error: '${HOST}' is not an environment reference: write ${env:NAME}, or $${ for a "
                                 "literal '${'");
}

// Escaping every "${" as "$${" makes any text come back unchanged.
RC_GTEST_PROP(Interpolate, EscapedTextRoundTrips, ()) {
  const std::string text = *rc::gen::container<std::string>(rc::gen::element('$', '{', '}', 'e', ':', 'x'));
  std::string escaped;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "${") == 0) {
      escaped += "$${";
      ++i;
    } else {
      escaped += text[i];
    }
  }
  auto out = interpolate_env(escaped, fake_env());
  RC_ASSERT(out.ok());
  RC_ASSERT(out->text == text);
  RC_ASSERT(out->secrets.empty());
}

}  // namespace
}  // namespace glassbox::loader::detail
