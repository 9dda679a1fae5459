#include "probes/demo/router.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "probes/demo/tracing.hpp"
#include "probes/demo/tracing_middleware.hpp"

namespace glassbox::probes::demo {
namespace {

// "/a/b/" -> {"a", "b", ""}: a trailing slash leaves an empty segment, so "/healthz/"
// does not match "/healthz".
std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> segments;
  if (path.empty() || path.front() != '/') return segments;
  path.remove_prefix(1);
  while (true) {
    const auto slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

bool is_parameter(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string decode_query_part(std::string_view text) {
  std::string spaced(text);
  std::replace(spaced.begin(), spaced.end(), '+', ' ');
  return percent_decode(spaced);
}

}  // namespace

std::string percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      const int high = hex_value(text[i + 1]);
      const int low = hex_value(text[i + 2]);
      if (high >= 0 && low >= 0) {
        out.push_back(static_cast<char>(high * 16 + low));
        i += 2;
        continue;
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

Target split_target(std::string_view target) {
  Target result;
  const auto question = target.find('?');
  result.path = std::string(target.substr(0, question));
  if (question == std::string_view::npos) return result;
  std::string_view query = target.substr(question + 1);
  while (!query.empty()) {
    const auto amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    if (!pair.empty()) {
      const auto equals = pair.find('=');
      std::string key = decode_query_part(pair.substr(0, equals));
      std::string value = equals == std::string_view::npos
                              ? std::string()
                              : decode_query_part(pair.substr(equals + 1));
      result.query.emplace(std::move(key), std::move(value));  // emplace keeps the first
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return result;
}

void Router::add(std::string method, std::string_view pattern, BodyKind body,
                 RouteHandler handler) {
  Route route{std::move(method), std::string(pattern), {}, body, std::move(handler)};
  for (const auto segment : split_path(pattern)) route.segments.emplace_back(segment);
  routes_.push_back(std::move(route));
}

bool Router::matches(const Route& route, const std::vector<std::string_view>& segments,
                     PathParams& params) {
  if (route.segments.size() != segments.size()) return false;
  PathParams found;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const std::string& expected = route.segments[i];
    if (is_parameter(expected)) {
      if (segments[i].empty()) return false;
      found.emplace(expected.substr(1, expected.size() - 2), std::string(segments[i]));
    } else if (expected != segments[i]) {
      return false;
    }
  }
  params = std::move(found);
  return true;
}

DemoResponse Router::handle(const DemoRequest& request) const {
  Target target = split_target(request.target);
  const auto segments = split_path(target.path);

  std::vector<std::string> allowed;
  for (const Route& route : routes_) {
    PathParams params;
    if (!matches(route, segments, params)) continue;
    if (route.method != request.method) {
      if (std::find(allowed.begin(), allowed.end(), route.method) == allowed.end()) {
        allowed.push_back(route.method);
      }
      continue;
    }
    RouteRequest routed{request, std::move(target.path), std::move(target.query), std::move(params),
                        nullptr};
    name_server_span_after_route(route.method, route.pattern);
    if (route.body == BodyKind::json_object) {
      ScopedSpan parse("parse_body");
      parse.set("body.bytes", static_cast<std::int64_t>(request.body.size()));
      routed.body = nlohmann::json::parse(request.body, nullptr, /*allow_exceptions=*/false);
      if (routed.body.is_discarded()) {
        parse.set_branch("malformed");
        return error_response(400, "malformed JSON");
      }
      if (!routed.body.is_object()) {
        parse.set_branch("not_object");
        return error_response(400, "body must be a JSON object");
      }
      parse.set_branch("ok");
    }
    return route.handler(routed);
  }

  if (allowed.empty()) return error_response(404, "not found");
  std::string allow;
  for (const auto& method : allowed) allow += (allow.empty() ? "" : ", ") + method;
  DemoResponse response = error_response(405, "method not allowed");
  response.headers.emplace_back("Allow", std::move(allow));
  return response;
}

}  // namespace glassbox::probes::demo
