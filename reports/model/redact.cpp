// Redaction marks every byte covered by any secret occurrence, then replaces each covered
// run with one "***". Marking (rather than replacing secrets one after another) is what
// makes overlapping secrets redact fully: replacing "abcd" first in "abcdef" would leave
// "ef" of an overlapping secret "cdef" in the clear.
//
// A secret also hides in its percent-encoded form (URLs, form bodies) and its JSON-escaped
// form (JSON bodies), so those spellings are matched too.
#include "reports/model/redact.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include <fmt/format.h>

namespace glassbox::reports {

namespace {

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_unreserved(unsigned char c) {
  return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

std::string percent_encoded(std::string_view s) {
  std::string out;
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (is_unreserved(c))
      out += ch;
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

std::string json_escaped(std::string_view s) {
  const std::string quoted = Value(std::string(s)).dump(-1, ' ', false, Value::error_handler_t::replace);
  return quoted.substr(1, quoted.size() - 2);
}

constexpr std::array<std::string_view, 4> kSensitiveHeaders = {"authorization", "proxy-authorization", "cookie",
                                                               "set-cookie"};

}  // namespace

Redactor::Redactor(std::vector<std::string> secrets, std::vector<std::string> secret_headers) {
  add_secrets(std::move(secrets));
  for (const std::string& h : secret_headers) secret_headers_.push_back(lowercase(h));
}

Redactor Redactor::with_secrets(std::vector<std::string> more) const {
  Redactor out = *this;
  out.add_secrets(std::move(more));
  return out;
}

void Redactor::add_secrets(std::vector<std::string> secrets) {
  for (std::string& s : secrets) {
    if (s.empty()) continue;
    for (std::string variant : {percent_encoded(s), json_escaped(s)})
      if (variant != s) secrets_.push_back(std::move(variant));
    secrets_.push_back(std::move(s));
  }
  std::sort(secrets_.begin(), secrets_.end(),
            [](const std::string& a, const std::string& b) { return a.size() != b.size() ? a.size() > b.size() : a < b; });
  secrets_.erase(std::unique(secrets_.begin(), secrets_.end()), secrets_.end());
}

std::string Redactor::text(std::string_view s) const {
  std::vector<bool> covered;
  for (const std::string& secret : secrets_) {
    for (std::size_t at = s.find(secret); at != std::string_view::npos; at = s.find(secret, at + 1)) {
      if (covered.empty()) covered.assign(s.size(), false);
      std::fill(covered.begin() + static_cast<std::ptrdiff_t>(at),
                covered.begin() + static_cast<std::ptrdiff_t>(at + secret.size()), true);
    }
  }
  if (covered.empty()) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!covered[i])
      out += s[i];
    else if (i == 0 || !covered[i - 1])
      out += kRedacted;
  }
  return out;
}

bool Redactor::sensitive_header(std::string_view lower) const {
  return std::find(kSensitiveHeaders.begin(), kSensitiveHeaders.end(), lower) != kSensitiveHeaders.end() ||
         std::find(secret_headers_.begin(), secret_headers_.end(), lower) != secret_headers_.end();
}

Headers Redactor::headers(const Headers& h) const {
  Headers out;
  out.reserve(h.size());
  for (const auto& [name, value] : h)
    out.emplace_back(text(name), sensitive_header(lowercase(name)) ? std::string(kRedacted) : text(value));
  return out;
}

Value Redactor::value(const Value& v) const {
  if (v.is_string()) return text(v.get<std::string>());
  if (v.is_array()) {
    Value out = Value::array();
    for (const Value& item : v) out.push_back(value(item));
    return out;
  }
  if (!v.is_object()) return v;
  // OpenTelemetry's semantic conventions put headers in attributes named after them.
  constexpr std::array<std::string_view, 2> kHeaderAttributes = {"http.request.header.", "http.response.header."};
  Value out = Value::object();
  for (const auto& [key, item] : v.items()) {
    const std::string lower = lowercase(key);
    bool sensitive = false;
    for (std::string_view prefix : kHeaderAttributes)
      sensitive = sensitive || (lower.starts_with(prefix) && sensitive_header(std::string_view(lower).substr(prefix.size())));
    out[text(key)] = sensitive ? Value(std::string(kRedacted)) : value(item);
  }
  return out;
}

TraceSpan Redactor::span(const TraceSpan& s) const {
  TraceSpan out = s;
  out.name = text(s.name);
  out.status_message = text(s.status_message);
  out.attributes = value(s.attributes);
  return out;
}

Exchange Redactor::exchange(const Exchange& e) const {
  Exchange out = e;
  out.url = text(e.url);
  out.request_headers = headers(e.request_headers);
  out.request_body = text(e.request_body);
  out.response_headers = headers(e.response_headers);
  out.response_body = text(e.response_body);
  return out;
}

}  // namespace glassbox::reports
