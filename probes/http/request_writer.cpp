// HTTP/1.1 request serialisation for the probe's hot path.
#include "probes/http/request_writer.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/core.h>

namespace glassbox::probes::detail {
namespace {

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
           return lower(x) == lower(y);
         });
}

bool is_token_char(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool caller_sets(const Headers& headers, std::string_view name) {
  return std::any_of(headers.begin(), headers.end(),
                     [&](const auto& header) { return equals_ignoring_case(header.first, name); });
}

// The client frames the body and owns trace context, so these caller headers never go out.
bool replaced_by_client(std::string_view name) {
  return equals_ignoring_case(name, "content-length") ||
         equals_ignoring_case(name, "transfer-encoding") || equals_ignoring_case(name, "traceparent");
}

bool method_carries_body(std::string_view method) {
  return method == "POST" || method == "PUT" || method == "PATCH";
}

void append_header(std::string& out, std::string_view name, std::string_view value) {
  out.append(name).append(": ").append(value).append("\r\n");
}

}  // namespace

std::optional<std::string> request_problem(const HttpRequest& request) {
  if (request.method.empty() || !std::all_of(request.method.begin(), request.method.end(), is_token_char)) {
    return fmt::format("invalid request method '{}'", request.method);
  }
  for (const auto& [name, value] : request.headers) {
    if (name.empty() || !std::all_of(name.begin(), name.end(), is_token_char)) {
      return fmt::format("invalid request header name '{}'", name);
    }
    if (value.find_first_of(std::string_view("\r\n\0", 3)) != std::string::npos) {
      return fmt::format("the value of request header '{}' holds a line break or NUL", name);
    }
  }
  return std::nullopt;
}

void write_request(std::string& out, const HttpRequest& request, std::string_view target,
                   std::string_view authority, std::string_view user_agent, std::string_view span_id) {
  out.clear();
  out.append(request.method).push_back(' ');
  if (target.empty() || target.front() == '?') out.push_back('/');
  out.append(target).append(" HTTP/1.1\r\n");

  if (!caller_sets(request.headers, "host")) append_header(out, "Host", authority);
  if (!caller_sets(request.headers, "user-agent")) append_header(out, "User-Agent", user_agent);
  out.append("traceparent: 00-").append(request.trace_id).push_back('-');
  out.append(span_id).append(request.sampled ? "-01\r\n" : "-00\r\n");
  for (const auto& [name, value] : request.headers) {
    if (!replaced_by_client(name)) append_header(out, name, value);
  }
  if (!request.body.empty() || method_carries_body(request.method)) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, request.body.size()).ptr;
    append_header(out, "Content-Length", std::string_view(digits, static_cast<std::size_t>(end - digits)));
  }
  out.append("\r\n").append(request.body);
}

}  // namespace glassbox::probes::detail
