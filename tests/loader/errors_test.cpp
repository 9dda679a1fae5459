// The errors of a suite's structure (keys, types, required keys, names, syntax, files),
// checked verbatim with their location.
#include <gtest/gtest.h>

#include "tests/loader/loader_test_support.hpp"

namespace glassbox::loader {
namespace {

using testing::load_error;
using testing::with_env;

TEST(LoaderErrors, UnknownTopLevelKeySuggestsTheClosestKey) {
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
inptus: {}
requests: {r: {path: /}}
)"),
            "suite.yaml:3:1: unknown key 'inptus' at the top level (did you mean 'inputs'?)");
}

TEST(LoaderErrors, UnknownInputKeySuggestsAKeyOfTheInputsType) {
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
inputs:
  a:
    type: int
    maximum: 5
requests: {r: {path: "/{{a}}"}}
)"),
            "suite.yaml:6:5: unknown key 'maximum' in input 'a' (did you mean 'max'?)");
}

TEST(LoaderErrors, UnknownRequestKeySuggestsTheClosestKey) {
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
requests:
  classify:
    path: /triangle
    timout: 100
)"),
            "suite.yaml:6:5: unknown key 'timout' in request 'classify' (did you mean 'timeout_ms'?)");
}

TEST(LoaderErrors, UnknownExpectationKeySuggestsTheClosestKey) {
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
requests:
  classify:
    path: /triangle
    expect:
      staus: 200
)"),
            "suite.yaml:7:7: unknown key 'staus' in 'expect' of request 'classify' (did you mean 'status'?)");
}

TEST(LoaderErrors, UnknownKeyWithNothingCloseListsTheAllowedKeys) {
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
requests:
  classify:
    path: /triangle
    expect_invalid: {zebra: 1}
)"),
            "suite.yaml:6:22: unknown key 'zebra' in 'expect_invalid' of request 'classify' "
            "(allowed keys: status, latency_ms, headers, json, spans)");
}

TEST(LoaderErrors, WrongTypeSaysWhatWasExpectedAndWhatWasWritten) {
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
inputs:
  a: {type: int, min: abc}
requests: {r: {path: "/{{a}}"}}
)"),
            "suite.yaml:4:23: 'min' must be an integer, got 'abc'");
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
requests: {r: {path: [a]}}
)"),
            "suite.yaml:3:22: 'path' must be a string, got a list");
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: {url: builtin:demo, insecure: yes}}
requests: {r: {path: /}}
)"),
            "suite.yaml:2:47: 'insecure' must be true or false, got 'yes'");
}

TEST(LoaderErrors, EmptyValuePointsAtItsKey) {
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
requests:
  r:
    path:
)"),
            "suite.yaml:5:5: 'path' must be a string, got nothing");
}

TEST(LoaderErrors, MissingRequiredKeysNameTheirOwner) {
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
requests:
  classify:
    method: POST
)"),
            "suite.yaml:5:5: request 'classify' needs 'path'");
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
inputs:
  a: {min: 1}
requests: {r: {path: /}}
)"),
            "suite.yaml:4:6: input 'a' needs 'type' (int, number, string, enum, bool or date)");
  EXPECT_EQ(load_error("targets: {demo: builtin:demo}\nrequests: {r: {path: /}}\n"),
            "suite.yaml:1:1: the suite file needs 'suite' (the suite's name)");
  EXPECT_EQ(load_error("suite: t\nrequests: {r: {path: /}}\n"),
            "suite.yaml:1:1: the suite file needs 'targets' (where requests go, e.g. targets: {demo: builtin:demo})");
  EXPECT_EQ(load_error("suite: t\ntargets: {demo: builtin:demo}\n"),
            "suite.yaml:1:1: the suite file needs 'requests' (at least one request)");
  EXPECT_EQ(load_error(""), "suite.yaml:1:1: the suite file is empty: it needs at least 'suite', 'targets' and 'requests'");
}

TEST(LoaderErrors, UnknownInputInTemplateSuggestsADeclaredInput) {
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
inputs:
  a: {type: int}
requests:
  r:
    method: POST
    path: /x
    body: {a: "{{a}}", d: "{{d}}"}
)"),
            "suite.yaml:9:27: unknown input 'd' in '{{d}}' (did you mean 'a'?)");
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
requests:
  r: {path: "/items/{{id}}"}
)"),
            "suite.yaml:4:13: unknown input 'id' in '{{id}}' (the suite declares no inputs)");
}

TEST(LoaderErrors, UnclosedOrEmptyPlaceholdersAreErrors) {
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
inputs: {id: int}
requests: {r: {path: "/items/{{id"}}
)"),
            "suite.yaml:4:22: '{{' without a closing '}}' in '/items/{{id': write {{name}}");
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
requests: {r: {path: "/items/{{ }}"}}
)"),
            "suite.yaml:3:22: '{{ }}' names no input: write {{name}}");
}

TEST(LoaderErrors, UnquotedTemplateGetsAdviceToQuoteIt) {
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
inputs:
  a: {type: int}
requests:
  r:
    path: /x
    body: {a: {{a}}}
)"),
            "suite.yaml:8:15: YAML reads an unquoted {{a}} as a map: write \"{{a}}\"");
}

// Found by fuzz/suite_loader under AddressSanitizer: every one-entry map with a null value
// (here the body {note: }) was checked for an unquoted {{a}} through a reference into a
// yaml-cpp iterator's temporary, read after it was gone.
TEST(LoaderErrors, AOneEntryMapWithANullValueIsNotTakenForAnUnquotedTemplate) {
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
requests:
  r:
    path: /
    body: {note: }
)"),
            "loaded");
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
inputs: {a: }
requests: {r: {path: /}}
)"),
            "suite.yaml:3:10: input 'a' needs 'type' (int, number, string, enum, bool or date)");
}

TEST(LoaderErrors, UnknownTargetSuggestsADeclaredTarget) {
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
requests:
  classify: {target: dmeo, path: /}
)"),
            "suite.yaml:4:22: unknown target 'dmeo' in request 'classify' (did you mean 'demo'?)");
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
defaults: {target: production}
requests:
  classify: {path: /}
)"),
            "suite.yaml:3:20: unknown target 'production' in defaults (targets: demo)");
}

TEST(LoaderErrors, SeveralTargetsNeedADefaultOrAnExplicitTarget) {
  EXPECT_EQ(load_error(R"(suite: t
targets:
  demo: builtin:demo
  api: http://localhost:8080
requests:
  health: {path: /healthz}
)"),
            "suite.yaml:6:11: request 'health' names no target and the suite has several (demo, api): set 'target' "
            "on the request or 'target' in defaults");
}

TEST(LoaderErrors, MissingEnvironmentVariableExplainsHowToFixIt) {
  EXPECT_EQ(load_error(R"(suite: t
targets:
  api:
    url: https://api.example.com
    headers: {Authorization: "Bearer ${env:API_TOKEN}"}
requests: {r: {path: /}}
)"),
            "suite.yaml:5:30: environment variable 'API_TOKEN' is not set (used as ${env:API_TOKEN}); export it or "
            "give a default: ${env:API_TOKEN:-value}");
}

TEST(LoaderErrors, MalformedEnvironmentReferenceIsAnError) {
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: "${HOME}"}
requests: {r: {path: /}}
)"),
            "suite.yaml:2:17: '${HOME}' is not an environment reference: write ${env:NAME}, or $${ for a literal '${'");
}

TEST(LoaderErrors, SyntaxErrorsCarryYamlCppsPositionAndMessage) {
  EXPECT_EQ(load_error("suite: t\ntargets: [builtin:demo\nrequests: {}\n"),
            "suite.yaml:3:9: YAML syntax error: end of sequence flow not found");
  EXPECT_EQ(load_error("suite: t\n  bad: indent\n"), "suite.yaml:2:6: YAML syntax error: illegal map value");
}

TEST(LoaderErrors, UnreadableFileNamesTheFileAndTheReason) {
  auto loaded = load_suite_file("/nonexistent/x.yaml", with_env());
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error().to_string(), "cannot read suite '/nonexistent/x.yaml': No such file or directory");
  auto directory = load_suite_file("/", with_env());
  ASSERT_FALSE(directory);
  EXPECT_EQ(directory.error().to_string(), "cannot read suite '/': Is a directory");
}

TEST(LoaderErrors, TargetUrlsAreValidated) {
  EXPECT_EQ(load_error(R"(suite: t
targets: {api: "localhost:8080"}
requests: {r: {path: /}}
)"),
            "suite.yaml:2:16: 'url' must start with http:// or https://, or be builtin:demo, got 'localhost:8080'");
  EXPECT_EQ(load_error(R"(suite: t
targets: {api: {headers: {X-A: b}}}
requests: {r: {path: /}}
)"),
            "suite.yaml:2:16: target 'api' needs 'url' (http://..., https://... or builtin:demo)");
}

TEST(LoaderErrors, EnvironmentsMayOnlyOverlayDeclaredTargets) {
  EXPECT_EQ(load_error(R"(suite: t
targets: {api: "http://localhost:8080"}
environments:
  beta: {targets: {apj: "https://api.example.com"}}
requests: {r: {path: /}}
)"),
            "suite.yaml:4:20: unknown target 'apj' in environment 'beta' (did you mean 'api'?)");
}

TEST(LoaderErrors, TechniqueInputsMustBeDeclaredAndUsed) {
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
inputs:
  a: {type: int}
  b: {type: int}
requests:
  r:
    path: "/{{a}}"
    techniques:
      - {technique: boundaries, inputs: [b]}
)"),
            "suite.yaml:10:42: input 'b' is not used by request 'r': no {{b}} in its path, query, headers or body "
            "(it uses a)");
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
inputs:
  a: {type: int}
requests:
  r:
    path: "/{{a}}"
    techniques:
      - {technique: boundaries, inputs: [aa]}
)"),
            "suite.yaml:9:42: unknown input 'aa' in technique 'boundaries' of request 'r' (did you mean 'a'?)");
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
defaults:
  techniques: [{technique: partitions, inputs: [a]}]
inputs:
  a: {type: int}
requests: {r: {path: "/{{a}}"}}
)"),
            "suite.yaml:4:40: 'inputs' cannot be set in defaults, since each request uses its own inputs: list them "
            "in the request's techniques");
}

TEST(LoaderErrors, MethodsAreValidated) {
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
requests: {r: {method: PSOT, path: /}}
)"),
            "suite.yaml:3:24: unknown method 'PSOT' (did you mean 'POST'?)");
}

TEST(LoaderErrors, PathMustStartWithASlash) {
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
requests: {r: {path: triangle}}
)"),
            "suite.yaml:3:22: 'path' must start with '/', got 'triangle'");
}

TEST(LoaderErrors, ErrorMessagesNeverShowSecretValues) {
  std::string error = load_error(R"(suite: t
targets: {demo: builtin:demo}
defaults: {timeout_ms: "${env:TIMEOUT}"}
requests: {r: {path: /}}
)",
                                 with_env({{"TIMEOUT", "hunter2"}}));
  EXPECT_EQ(error, "suite.yaml:3:24: 'timeout_ms' must be an integer, got '${env:TIMEOUT}'");
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
requests: {r: {path: /, target: "${env:WHERE}"}}
)",
                       with_env({{"WHERE", "prod-hunter2"}})),
            "suite.yaml:3:33: unknown target '***' in request 'r' (targets: demo)");
}

}  // namespace
}  // namespace glassbox::loader
