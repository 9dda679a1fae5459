// The demo service's router: matches a request's path and method against a table of
// routes, parses the JSON body for routes that take one, and answers the generic errors:
//   unknown path                          -> 404 {"error":"not found"}
//   known path, method not routed         -> 405 {"error":"method not allowed"}, Allow: GET, POST
//   body is not JSON                      -> 400 {"error":"malformed JSON"}
//   body is JSON but not an object        -> 400 {"error":"body must be a JSON object"}
// In a traced request it names the server span after the matched route and records the
// body parse as a "parse_body" span (branch ok | malformed | not_object).
// The router knows nothing of Boost; Router::handle is itself a DemoHandler, so middleware
// wraps the whole table the same way it would wrap one route's handler.
//
// Thread-safety: add() while building; handle() is const and may run concurrently.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "probes/demo/demo_http.hpp"

namespace glassbox::probes::demo {

using QueryParams = std::map<std::string, std::string>;
using PathParams = std::map<std::string, std::string, std::less<>>;

enum class BodyKind { ignored, json_object };

struct RouteRequest {
  const DemoRequest& raw;
  std::string path;
  QueryParams query;    // decoded; a repeated key keeps its first value
  PathParams params;    // {name} segments of the route pattern
  nlohmann::json body;  // the parsed object for BodyKind::json_object, else null
};
using RouteHandler = std::function<DemoResponse(const RouteRequest&)>;

struct Target {
  std::string path;
  QueryParams query;
};
// Splits "/p?a=1&b=x%20y" into its path and decoded query ('+' is a space in queries).
Target split_target(std::string_view target);
// %XX decoding; a '%' not followed by two hex digits is kept as written.
std::string percent_decode(std::string_view text);

class Router final {
 public:
  // pattern: literal segments and {name} segments, e.g. "/orders/{id}/pay". A {name}
  // segment matches exactly one non-empty path segment.
  void add(std::string method, std::string_view pattern, BodyKind body, RouteHandler handler);

  DemoResponse handle(const DemoRequest& request) const;

 private:
  struct Route {
    std::string method;
    std::string pattern;                // as added, e.g. "/orders/{id}/pay" (the span's route)
    std::vector<std::string> segments;  // "{id}" marks a parameter
    BodyKind body = BodyKind::ignored;
    RouteHandler handler;
  };
  static bool matches(const Route& route, const std::vector<std::string_view>& segments,
                      PathParams& params);

  std::vector<Route> routes_;
};

}  // namespace glassbox::probes::demo
