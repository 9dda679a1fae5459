// Requests: defaults, templates, bodies, expectations and techniques as the model holds them.
#include <gtest/gtest.h>

#include "tests/loader/loader_test_support.hpp"

namespace glassbox::loader {
namespace {

using suite::MatchKind;
using testing::load_ok;

const suite::Request& first_request(const suite::Suite& s) {
  static const suite::Request kNone;
  if (s.requests.empty()) {
    ADD_FAILURE() << "no request loaded";
    return kNone;
  }
  return s.requests.front();
}

TEST(LoaderRequests, MinimalRequestGetsItsDefaults) {
  suite::Suite s = load_ok(R"(suite: t
targets: {demo: builtin:demo}
requests:
  health: {path: /healthz}
)");
  const suite::Request& r = first_request(s);
  EXPECT_EQ(r.name, "health");
  EXPECT_EQ(r.target, "demo") << "the only target";
  EXPECT_EQ(s.defaults.target, "demo");
  EXPECT_EQ(r.method, "GET");
  EXPECT_EQ(r.path, "/healthz");
  EXPECT_FALSE(r.body);
  EXPECT_FALSE(r.timeout_ms);
  EXPECT_FALSE(r.retry);
  EXPECT_EQ(r.expect.status->to_string(), "2xx");
  EXPECT_EQ(r.expect_invalid.status->to_string(), "4xx");
  ASSERT_EQ(r.techniques.size(), 1u);
  EXPECT_EQ(r.techniques[0].technique, "partitions");
  EXPECT_EQ(r.techniques[0].form, "");
  EXPECT_EQ(r.techniques[0].where.line, 4);
  EXPECT_EQ(r.where.line, 4);
  EXPECT_EQ(r.where.column, 3);
  EXPECT_EQ(s.defaults.timeout_ms, 10000);
  EXPECT_EQ(s.defaults.concurrency, 8);
}

TEST(LoaderRequests, QueryHeadersAndBodyKeepTheirOrderAndTypes) {
  suite::Suite s = load_ok(R"(suite: t
targets: {demo: builtin:demo}
inputs:
  a: {type: int}
  flag: {type: bool}
requests:
  r:
    method: post
    path: /items/{{a}}
    query: {verbose: "{{flag}}", tag: [x, y], n: 3}
    headers: {X-Request: "id-{{a}}", Accept: application/json}
    body:
      a: "{{a}}"
      sides: ["{{a}}", 2]
      quoted: "3"
      plain: 3
      real: 1.5
      yes: yes
      on: true
      nothing: null
      nested: {deep: ["{{flag}}"]}
)");
  const suite::Request& r = first_request(s);
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.path, "/items/{{a}}");
  EXPECT_EQ(r.query, (suite::Pairs{{"verbose", "{{flag}}"}, {"tag", "x"}, {"tag", "y"}, {"n", "3"}}));
  EXPECT_EQ(r.headers, (suite::Pairs{{"X-Request", "id-{{a}}"}, {"Accept", "application/json"}}));
  ASSERT_TRUE(r.body);
  EXPECT_EQ(*r.body, Value::parse(R"({"a": "{{a}}", "sides": ["{{a}}", 2], "quoted": "3", "plain": 3,
                                      "real": 1.5, "yes": "yes", "on": true, "nothing": null,
                                      "nested": {"deep": ["{{flag}}"]}})"));
  EXPECT_EQ(r.referenced_inputs(), (std::vector<std::string>{"a", "flag"}));
}

TEST(LoaderRequests, ExpectationChecksAreParsedAsDocumented) {
  suite::Suite s = load_ok(R"(suite: t
targets: {demo: builtin:demo}
inputs:
  a: {type: int}
requests:
  r:
    path: "/{{a}}"
    expect:
      status: [200, 201, 3xx]
      latency_ms: {max: 250}
      headers:
        Content-Type: {matches: "^application/json"}
        x-id: {exists: true}
        x-debug: {absent: true}
        cache-control: no-store
        x-echo: "{{a}}"
      json:
        /kind: scalene
        /sides: [1, 2]
        /id: {exists: true, type: string, matches: "^o-"}
        /err: {exists: false}
        /gone: {absent: false}
        /echo: {equals: "{{a}}"}
        /obj: {equals: {x: 1}}
        "": {type: object}
)");
  const suite::Expectation& e = first_request(s).expect;
  EXPECT_EQ(e.status->codes, (std::vector<int>{200, 201}));
  EXPECT_EQ(e.status->classes, (std::vector<int>{3}));
  EXPECT_EQ(e.latency_max_ms, 250.0);

  ASSERT_EQ(e.headers.size(), 5u);
  EXPECT_EQ(e.headers[0].name, "content-type");
  EXPECT_EQ(e.headers[0].kind, MatchKind::Matches);
  EXPECT_EQ(e.headers[0].operand, "^application/json");
  EXPECT_EQ(e.headers[1].kind, MatchKind::Exists);
  EXPECT_EQ(e.headers[2].kind, MatchKind::Absent);
  EXPECT_EQ(e.headers[3].kind, MatchKind::Equals);
  EXPECT_EQ(e.headers[3].operand, "no-store");
  EXPECT_EQ(e.headers[4].operand, "{{a}}");
  EXPECT_EQ(e.headers[0].where.line, 12);

  std::vector<std::pair<std::string, MatchKind>> kinds;
  for (const suite::JsonCheck& j : e.json) kinds.emplace_back(j.pointer, j.kind);
  EXPECT_EQ(kinds, (std::vector<std::pair<std::string, MatchKind>>{
                       {"/kind", MatchKind::Equals},
                       {"/sides", MatchKind::Equals},
                       {"/id", MatchKind::Exists},
                       {"/id", MatchKind::Type},
                       {"/id", MatchKind::Matches},
                       {"/err", MatchKind::Absent},
                       {"/gone", MatchKind::Exists},
                       {"/echo", MatchKind::Equals},
                       {"/obj", MatchKind::Equals},
                       {"", MatchKind::Type},
                   }));
  EXPECT_EQ(e.json[0].operand, "scalene");
  EXPECT_EQ(e.json[1].operand, Value::parse("[1, 2]"));
  EXPECT_EQ(e.json[3].operand, "string");
  EXPECT_EQ(e.json[4].operand, "^o-");
  EXPECT_EQ(e.json[7].operand, "{{a}}");
  EXPECT_EQ(e.json[8].operand, Value::parse(R"({"x": 1})"));
  EXPECT_EQ(e.json[2].where.line, 20);
  EXPECT_EQ(e.json[3].where.column, 29);
}

TEST(LoaderRequests, StatusAcceptsOneCodeOneClassOrAList) {
  suite::Suite s = load_ok(R"(suite: t
targets: {demo: builtin:demo}
requests:
  a: {path: /, expect: {status: 200}}
  b: {path: /, expect: {status: 4XX}}
  c: {path: /, expect: {status: [2xx, 404]}}
  d: {path: /, expect: {latency_ms: 500}}
)");
  ASSERT_EQ(s.requests.size(), 4u);
  EXPECT_EQ(s.requests[0].expect.status->to_string(), "200");
  EXPECT_EQ(s.requests[1].expect.status->to_string(), "4xx");
  EXPECT_EQ(s.requests[2].expect.status->to_string(), "404|2xx");
  EXPECT_EQ(s.requests[3].expect.status->to_string(), "2xx") << "status defaults even when expect is written";
  EXPECT_EQ(s.requests[3].expect.latency_max_ms, 500.0);
}

TEST(LoaderRequests, ExpectInvalidWithoutStatusKeeps4xx) {
  suite::Suite s = load_ok(R"(suite: t
targets: {demo: builtin:demo}
requests:
  r:
    path: /
    expect_invalid: {json: {/error: {exists: true}}}
)");
  const suite::Expectation& e = first_request(s).expect_invalid;
  EXPECT_EQ(e.status->to_string(), "4xx");
  ASSERT_EQ(e.json.size(), 1u);
  EXPECT_EQ(e.where.line, 6);
}

TEST(LoaderRequests, TechniquesAreReadAsWritten) {
  suite::Suite s = load_ok(R"(suite: t
targets: {demo: builtin:demo}
inputs:
  a: {type: int, min: 1, max: 9}
  b: {type: int, min: 1, max: 9}
requests:
  r:
    path: "/{{a}}/{{b}}"
    techniques:
      - {technique: partitions, form: weak_robust, inputs: [a, b], options: {limit: 3}}
      - boundaries
      - {technique: boundaries, inputs: b}
)");
  const auto& uses = first_request(s).techniques;
  ASSERT_EQ(uses.size(), 3u);
  EXPECT_EQ(uses[0].technique, "partitions");
  EXPECT_EQ(uses[0].form, "weak_robust");
  EXPECT_EQ(uses[0].inputs, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(uses[0].options, Value::parse(R"({"limit": 3})"));
  EXPECT_EQ(uses[0].where.line, 10);
  EXPECT_EQ(uses[1].technique, "boundaries");
  EXPECT_TRUE(uses[1].inputs.empty());
  EXPECT_EQ(uses[1].options, Value::object());
  EXPECT_EQ(uses[2].inputs, std::vector<std::string>{"b"});
}

TEST(LoaderRequests, DefaultsApplyToRequestsThatSayNothing) {
  suite::Suite s = load_ok(R"(suite: t
targets:
  demo: builtin:demo
  api: http://localhost:8080
defaults:
  target: api
  timeout_ms: 2000
  concurrency: 4
  retry: {retries: 2, backoff_ms: 100, on_status: [502, 503, 504]}
  techniques:
    - {technique: boundaries, form: robust}
requests:
  plain: {path: /}
  own:
    target: demo
    path: /
    retry: {retries: 1}
    techniques: [partitions]
  short: {path: /, retry: 5, timeout_ms: 50}
)");
  ASSERT_EQ(s.requests.size(), 3u);
  EXPECT_EQ(s.defaults.target, "api");
  EXPECT_EQ(s.defaults.timeout_ms, 2000);
  EXPECT_EQ(s.defaults.concurrency, 4);
  EXPECT_EQ(s.defaults.retry.on_status, (std::vector<int>{502, 503, 504}));

  const suite::Request& plain = s.requests[0];
  EXPECT_EQ(plain.target, "api");
  EXPECT_FALSE(plain.retry) << "the runner falls back to defaults.retry";
  ASSERT_EQ(plain.techniques.size(), 1u);
  EXPECT_EQ(plain.techniques[0].technique, "boundaries");
  EXPECT_EQ(plain.techniques[0].form, "robust");

  const suite::Request& own = s.requests[1];
  EXPECT_EQ(own.target, "demo");
  ASSERT_TRUE(own.retry);
  EXPECT_EQ(own.retry->retries, 1);
  EXPECT_EQ(own.retry->backoff_ms, 100) << "unset retry fields come from defaults.retry";
  EXPECT_EQ(own.retry->on_status, (std::vector<int>{502, 503, 504}));
  EXPECT_EQ(own.techniques[0].technique, "partitions");

  EXPECT_EQ(s.requests[2].retry->retries, 5);
  EXPECT_EQ(s.requests[2].timeout_ms, 50);
}

}  // namespace
}  // namespace glassbox::loader
