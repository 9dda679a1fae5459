// `requests`: how each request is built from the inputs, what its responses must satisfy,
// and which techniques generate its cases.
#include <climits>

#include <fmt/format.h>

#include "suites/loader/did_you_mean.hpp"
#include "suites/loader/parts.hpp"
#include "suites/loader/validate.hpp"

namespace glassbox::loader::detail {

using suite::Request;

namespace {

const Keys kRequestKeys = {"target",     "method", "path",   "query",          "headers",   "body",
                           "timeout_ms", "retry",  "expect", "expect_invalid", "techniques", "capture"};
const Keys kMethods = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};

suite::StatusSpec status_class(int hundreds) {
  suite::StatusSpec spec;
  spec.classes.push_back(hundreds);
  return spec;
}

Expected<std::string> load_target_name(Context& ctx, const Fields& fields, const Entry& request,
                                       const LoadedDefaults& defaults) {
  const Entry* target = fields.find("target");
  if (!target) {
    if (!defaults.defaults.target.empty()) return defaults.defaults.target;
    return error_at(ctx, request, fmt::format("request '{}' names no target and the suite has several ({}): set "
                                              "'target' on the request or 'target' in defaults",
                                              request.key, join_names(ctx.target_names)));
  }
  LOADER_ASSIGN(std::string name, read_nonempty_string(ctx, *target));
  const std::vector<std::string>& known = ctx.target_names;
  if (std::find(known.begin(), known.end(), name) == known.end()) {
    return error_at(ctx, *target, fmt::format("unknown target '{}' in request '{}'{}", name, request.key,
                                              name_hint(name, known, "targets")));
  }
  return name;
}

Expected<std::string> load_method(Context& ctx, const Entry& entry) {
  LOADER_ASSIGN(std::string method, read_nonempty_string(ctx, entry));
  std::transform(method.begin(), method.end(), method.begin(), [](unsigned char c) { return std::toupper(c); });
  if (std::find(kMethods.begin(), kMethods.end(), method) == kMethods.end())
    return error_at(ctx, entry, fmt::format("unknown method '{}'{}", method, name_hint(method, kMethods, "methods")));
  return method;
}

Expected<std::string> load_path(Context& ctx, const Fields& fields, const Entry& request) {
  const Entry* path = fields.find("path");
  if (!path) return error_at(ctx, request, fmt::format("request '{}' needs 'path'", request.key));
  LOADER_ASSIGN(std::string text, read_string(ctx, *path));
  if (!text.starts_with('/'))
    return error_at(ctx, *path, fmt::format("'path' must start with '/', got {}", describe(path->value)));
  LOADER_TRY(check_placeholders(ctx, path->value, text));
  return text;
}

// `capture: {order_id: /id}`: names (not inputs) to JSON pointers into the response body.
Expected<suite::Pairs> load_capture(Context& ctx, const Entry& entry) {
  LOADER_ASSIGN(auto entries, map_entries(ctx, entry));
  suite::Pairs capture;
  for (const Entry& e : entries) {
    if (std::find(ctx.input_names.begin(), ctx.input_names.end(), e.key) != ctx.input_names.end()) {
      return ctx.error(e.key_node, fmt::format("'{}' is an input; a captured value needs a name of its own", e.key));
    }
    LOADER_ASSIGN(std::string pointer, read_string(ctx, e));
    if (auto problem = json_pointer_problem(pointer)) return error_at(ctx, e, *problem);
    capture.emplace_back(e.key, std::move(pointer));
  }
  return capture;
}

// An expectation with `status` defaulted: 2xx for valid cases, 4xx for invalid ones.
Expected<suite::Expectation> load_expect_or_default(Context& ctx, const Fields& fields, std::string_view key,
                                                    const Request& request, int default_class) {
  suite::Expectation expect;
  expect.where = request.where;
  if (const Entry* entry = fields.find(key))
    LOADER_SET(expect, load_expectation(ctx, *entry, fmt::format("in '{}' of request '{}'", key, request.name)));
  if (!expect.status) expect.status = status_class(default_class);
  return expect;
}

Expected<Request> load_request(Context& ctx, const Entry& entry, const LoadedDefaults& defaults) {
  Request request;
  request.name = entry.key;
  request.where = ctx.at(entry.key_node);
  std::string what = fmt::format("request '{}'", entry.key);
  LOADER_ASSIGN(Fields fields, Fields::open(ctx, entry, what, "in " + what, kRequestKeys));

  LOADER_SET(request.target, load_target_name(ctx, fields, entry, defaults));
  if (const Entry* method = fields.find("method")) LOADER_SET(request.method, load_method(ctx, *method));
  LOADER_SET(request.path, load_path(ctx, fields, entry));
  if (const Entry* query = fields.find("query"))
    LOADER_SET(request.query, load_pairs(ctx, *query, PairKind::Query, Templates::Check));
  if (const Entry* headers = fields.find("headers"))
    LOADER_SET(request.headers, load_pairs(ctx, *headers, PairKind::Headers, Templates::Check));
  if (const Entry* body = fields.find("body"); body && !body->value.IsNull())
    LOADER_SET(request.body, read_value(ctx, body->value, Templates::Check));
  if (const Entry* timeout = fields.find("timeout_ms"))
    LOADER_SET(request.timeout_ms, read_int_in(ctx, *timeout, 1, INT_MAX));
  if (const Entry* retry = fields.find("retry"))
    LOADER_SET(request.retry, load_retry(ctx, *retry, defaults.defaults.retry));

  LOADER_SET(request.expect, load_expect_or_default(ctx, fields, "expect", request, 2));
  LOADER_SET(request.expect_invalid, load_expect_or_default(ctx, fields, "expect_invalid", request, 4));

  if (const Entry* capture = fields.find("capture")) LOADER_SET(request.capture, load_capture(ctx, *capture));
  // A request that uses a captured value runs only as a step of a multi-step case (a state
  // machine's event): alone, it would have nothing to fill the value with.
  std::vector<std::string> uses_captures;
  for (const std::string& name : request.referenced_inputs())
    if (std::find(ctx.input_names.begin(), ctx.input_names.end(), name) == ctx.input_names.end())
      uses_captures.push_back(name);
  if (!uses_captures.empty()) {
    if (const Entry* techniques = fields.find("techniques")) {
      return ctx.error(techniques->key_node,
                       fmt::format("request '{}' uses the captured value '{}', so it runs only as a step of a state "
                                   "machine: remove its 'techniques'",
                                   request.name, uses_captures.front()));
    }
    return request;
  }
  if (const Entry* techniques = fields.find("techniques")) {
    LOADER_SET(request.techniques, load_techniques(ctx, *techniques, TechniqueScope::Request, what,
                                                      request.referenced_inputs()));
  } else if (!defaults.techniques.empty()) {
    request.techniques = defaults.techniques;
  } else {
    suite::TechniqueUse partitions;
    partitions.technique = "partitions";
    partitions.where = request.where;
    request.techniques.push_back(std::move(partitions));
  }
  return request;
}

}  // namespace

Expected<std::vector<Request>> load_requests(Context& ctx, const Entry& requests, const LoadedDefaults& defaults) {
  LOADER_ASSIGN(auto entries, map_entries(ctx, requests));
  if (entries.empty()) return error_at(ctx, requests, "'requests' needs at least one request");
  std::vector<Request> out;
  for (const Entry& e : entries) {
    LOADER_ASSIGN(Request request, load_request(ctx, e, defaults));
    out.push_back(std::move(request));
  }
  return out;
}

}  // namespace glassbox::loader::detail
