// URL splitting for the HTTP probe. Deliberately small: glassbox builds its URLs from a
// target's base URL and a path template, so only absolute http(s) URLs need handling.
#include "probes/http/url.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <cstring>

#include <fmt/core.h>

namespace glassbox::probes::detail {
namespace {

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  return std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
    return a == (b >= 'A' && b <= 'Z' ? static_cast<char>(b - 'A' + 'a') : b);
  });
}

// Characters that would break the request line or the Host header if sent as they are.
bool has_unsafe_char(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte <= 0x20 || byte == 0x7f;
  });
}

Error invalid(std::string_view url, std::string_view why) {
  return Error{fmt::format("invalid URL '{}': {}", url, why), {}};
}

}  // namespace

Expected<UrlParts> parse_url(std::string_view url) {
  UrlParts parts;
  std::string_view rest;
  if (starts_with_ignoring_case(url, "http://")) {
    parts.scheme = Scheme::Http;
    parts.port = 80;
    rest = url.substr(7);
  } else if (starts_with_ignoring_case(url, "https://")) {
    parts.scheme = Scheme::Https;
    parts.port = 443;
    rest = url.substr(8);
  } else {
    return invalid(url, "the scheme must be http:// or https://");
  }

  const auto authority_end = std::min(rest.find_first_of("/?#"), rest.size());
  parts.authority = rest.substr(0, authority_end);
  std::string_view target = rest.substr(authority_end);
  target = target.substr(0, std::min(target.find('#'), target.size()));
  parts.target = target;

  if (parts.authority.find('@') != std::string_view::npos) {
    return invalid(url, "credentials in URLs are not supported; send an Authorization header");
  }
  if (has_unsafe_char(parts.authority) || has_unsafe_char(parts.target)) {
    return invalid(url, "it holds a space or control character; percent-encode it");
  }

  std::string_view port_text;
  if (!parts.authority.empty() && parts.authority.front() == '[') {
    const auto close = parts.authority.find(']');
    if (close == std::string_view::npos) return invalid(url, "unterminated '[' in the host");
    parts.host = parts.authority.substr(1, close - 1);
    const auto after = parts.authority.substr(close + 1);
    if (!after.empty() && after.front() != ':') return invalid(url, "unexpected text after ']'");
    if (!after.empty()) port_text = after.substr(1);
    if (!is_ip_literal(parts.host)) return invalid(url, "'[...]' must hold an IPv6 address");
  } else {
    const auto colon = parts.authority.rfind(':');
    parts.host = parts.authority.substr(0, colon);
    if (colon != std::string_view::npos) port_text = parts.authority.substr(colon + 1);
    if (parts.host.find(':') != std::string_view::npos) {
      return invalid(url, "an IPv6 address must be written in brackets, e.g. http://[::1]:8080/");
    }
  }
  if (parts.host.empty()) return invalid(url, "the host is missing");

  if (!port_text.empty()) {
    unsigned long port = 0;
    for (const char c : port_text) {
      if (c < '0' || c > '9' || port > 65535) return invalid(url, "the port must be a number 1-65535");
      port = port * 10 + static_cast<unsigned long>(c - '0');
    }
    if (port == 0 || port > 65535) return invalid(url, "the port must be a number 1-65535");
    parts.port = static_cast<std::uint16_t>(port);
  }
  return parts;
}

std::string host_port(std::string_view host, std::uint16_t port) {
  if (host.find(':') != std::string_view::npos) return fmt::format("[{}]:{}", host, port);
  return fmt::format("{}:{}", host, port);
}

bool is_ip_literal(std::string_view host) {
  std::array<char, 64> text{};
  if (host.empty() || host.size() >= text.size()) return false;
  std::memcpy(text.data(), host.data(), host.size());
  std::array<unsigned char, 16> address{};
  return inet_pton(AF_INET, text.data(), address.data()) == 1 ||
         inet_pton(AF_INET6, text.data(), address.data()) == 1;
}

}  // namespace glassbox::probes::detail
