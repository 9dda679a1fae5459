#include "suites/runner/request_builder.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace glassbox::runner {

suite::Lookup case_lookup(const suite::Case& c) {
  return [&c](std::string_view name) -> std::optional<Value> {
    if (const suite::Binding* b = c.find(name)) return b->value;
    return std::nullopt;
  };
}

std::string url_encode(std::string_view text) {
  std::string out;
  for (unsigned char ch : text) {
    if (std::isalnum(ch) || ch == '-' || ch == '.' || ch == '_' || ch == '~') out += static_cast<char>(ch);
    else out += fmt::format("%{:02X}", ch);
  }
  return out;
}

namespace {
bool has_header(const probes::Headers& headers, std::string_view name) {
  return std::any_of(headers.begin(), headers.end(), [&](const auto& h) {
    return std::equal(h.first.begin(), h.first.end(), name.begin(), name.end(),
                      [](char a, char b) { return std::tolower(a) == std::tolower(b); });
  });
}
}  // namespace

Expected<probes::HttpRequest> build_request(const suite::Suite& suite, const suite::Request& request,
                                            const suite::Target& target, const suite::Case& c) {
  suite::Lookup lookup = case_lookup(c);
  probes::HttpRequest out;
  out.method = request.method;

  auto path = suite::render_text(request.path, lookup);
  if (!path) return path.error();
  std::string base = target.url;
  if (!base.empty() && base.back() == '/') base.pop_back();
  out.url = base + *path;
  char separator = out.url.find('?') == std::string::npos ? '?' : '&';
  for (const auto& [key, tmpl] : request.query) {
    auto value = suite::render_text(tmpl, lookup);
    if (!value) return value.error();
    out.url += separator + url_encode(key) + "=" + url_encode(*value);
    separator = '&';
  }

  out.headers = target.headers;
  for (const auto& [name, tmpl] : request.headers) {
    auto value = suite::render_text(tmpl, lookup);
    if (!value) return value.error();
    out.headers.emplace_back(name, std::move(*value));
  }
  if (request.body) {
    auto body = suite::render_value(*request.body, lookup);
    if (!body) return body.error();
    out.body = body->dump();
    if (!has_header(out.headers, "content-type")) out.headers.emplace_back("Content-Type", "application/json");
  }
  if (!has_header(out.headers, "accept")) out.headers.emplace_back("Accept", "application/json");

  int timeout = request.timeout_ms.value_or(target.timeout_ms.value_or(suite.defaults.timeout_ms));
  out.timeout = std::chrono::milliseconds(timeout);
  const suite::RetryPolicy& retry = request.retry ? *request.retry : suite.defaults.retry;
  out.retry.retries = retry.retries;
  out.retry.backoff = std::chrono::milliseconds(retry.backoff_ms);
  out.retry.on_status = retry.on_status;
  return out;
}

}  // namespace glassbox::runner
