// Private to probes/http: splitting an absolute http(s) URL into what the client needs.
// Pure functions, no I/O; safe from any thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "suites/model/expected.hpp"

namespace glassbox::probes::detail {

enum class Scheme { Http, Https };

// Views into the URL string given to parse_url; they live as long as that string.
struct UrlParts {
  Scheme scheme = Scheme::Http;
  std::string_view host;        // without IPv6 brackets, e.g. "::1" or "example.com"
  std::uint16_t port = 0;       // explicit, or 80/443 by scheme
  std::string_view authority;   // host[:port] as written, for the Host header
  std::string_view target;      // path and query; may be empty or start with '?' (see request_target)
};

// Accepts "http://host[:port][/path][?query][#fragment]" and the https equivalent.
// Errors: "invalid URL 'x': <why>", e.g. "the scheme must be http:// or https://".
Expected<UrlParts> parse_url(std::string_view url);

// "host:port", with brackets around an IPv6 literal: how errors name an origin.
std::string host_port(std::string_view host, std::uint16_t port);

// True when host is an IPv4 or IPv6 literal (TLS sends no SNI for those).
bool is_ip_literal(std::string_view host);

}  // namespace glassbox::probes::detail
