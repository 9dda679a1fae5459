#include "probes/http/url.hpp"

#include <gtest/gtest.h>

namespace glassbox::probes::detail {
namespace {

TEST(ParseUrl, SplitsSchemeHostPortAndTarget) {
  const auto url = parse_url("http://127.0.0.1:8080/orders/7?x=1#frag");
  ASSERT_TRUE(url.ok());
  EXPECT_EQ(url->scheme, Scheme::Http);
  EXPECT_EQ(url->host, "127.0.0.1");
  EXPECT_EQ(url->port, 8080);
  EXPECT_EQ(url->authority, "127.0.0.1:8080");
  EXPECT_EQ(url->target, "/orders/7?x=1");
}

TEST(ParseUrl, DefaultsThePortBySchemeCaseInsensitively) {
  EXPECT_EQ(parse_url("HTTP://example.com")->port, 80);
  EXPECT_EQ(parse_url("https://example.com/")->port, 443);
  EXPECT_EQ(parse_url("https://example.com/")->scheme, Scheme::Https);
  EXPECT_EQ(parse_url("https://example.com")->target, "");
}

TEST(ParseUrl, UnwrapsBracketedIpv6Hosts) {
  const auto url = parse_url("http://[::1]:9000/x");
  ASSERT_TRUE(url.ok());
  EXPECT_EQ(url->host, "::1");
  EXPECT_EQ(url->port, 9000);
  EXPECT_EQ(url->authority, "[::1]:9000");
}

TEST(ParseUrl, ExplainsWhatIsWrong) {
  EXPECT_EQ(parse_url("ftp://x/").error().message, "invalid URL 'ftp://x/': the scheme must be http:// or https://");
  EXPECT_EQ(parse_url("http://:80/").error().message, "invalid URL 'http://:80/': the host is missing");
  EXPECT_EQ(parse_url("http://h:99999/").error().message, "invalid URL 'http://h:99999/': the port must be a number 1-65535");
  EXPECT_EQ(parse_url("http://h:0/").error().message, "invalid URL 'http://h:0/': the port must be a number 1-65535");
  EXPECT_EQ(parse_url("http://u:p@h/").error().message,
            "invalid URL 'http://u:p@h/': credentials in URLs are not supported; send an Authorization header");
  EXPECT_EQ(parse_url("http://h/a b").error().message,
            "invalid URL 'http://h/a b': it holds a space or control character; percent-encode it");
  EXPECT_EQ(parse_url("http://::1/").error().message,
            "invalid URL 'http://::1/': an IPv6 address must be written in brackets, e.g. http://[::1]:8080/");
}

TEST(HostPort, BracketsIpv6Addresses) {
  EXPECT_EQ(host_port("::1", 80), "[::1]:80");
  EXPECT_EQ(host_port("example.com", 443), "example.com:443");
}

TEST(IsIpLiteral, TellsAddressesFromNames) {
  EXPECT_TRUE(is_ip_literal("127.0.0.1"));
  EXPECT_TRUE(is_ip_literal("::1"));
  EXPECT_FALSE(is_ip_literal("localhost"));
  EXPECT_FALSE(is_ip_literal(""));
}

}  // namespace
}  // namespace glassbox::probes::detail
