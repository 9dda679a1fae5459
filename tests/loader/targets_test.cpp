// Targets, environments and ${env:...}: where requests go, per environment, and which
// values are secrets.
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "tests/loader/loader_test_support.hpp"

namespace glassbox::loader {
namespace {

using testing::load_error;
using testing::load_ok;
using testing::with_env;

TEST(LoaderTargets, StringOrMapTargetsAreRead) {
  suite::Suite s = load_ok(R"(suite: t
targets:
  demo: builtin:demo
  api:
    url: https://api.example.com/v1/
    headers: {X-Client: glassbox}
    timeout_ms: 2000
    insecure: true
requests: {r: {target: demo, path: /}}
)");
  ASSERT_EQ(s.targets.size(), 2u);
  EXPECT_EQ(s.targets[0].name, "demo");
  EXPECT_TRUE(s.targets[0].is_builtin_demo());
  EXPECT_EQ(s.targets[0].where.line, 3);
  const suite::Target& api = s.targets[1];
  EXPECT_EQ(api.url, "https://api.example.com/v1") << "a trailing slash would double the path's";
  EXPECT_EQ(api.headers, (suite::Pairs{{"X-Client", "glassbox"}}));
  EXPECT_EQ(api.timeout_ms, 2000);
  EXPECT_TRUE(api.insecure);
  EXPECT_TRUE(s.defaults.target.empty()) << "several targets: no default unless written";
}

TEST(LoaderTargets, EnvironmentValuesAreResolvedAndRecordedAsSecrets) {
  suite::Suite s = load_ok(R"(suite: t
targets:
  api:
    url: "http://${env:API_HOST:-localhost}:${env:API_PORT}"
    headers:
      Authorization: "Bearer ${env:API_TOKEN}"
      X-Again: "${env:API_TOKEN}"
      X-Literal: "$${env:NOT_RESOLVED} costs $5"
requests: {r: {path: /}}
)",
                           with_env({{"API_PORT", "8080"}, {"API_TOKEN", "s3cr3t"}}));
  ASSERT_EQ(s.targets.size(), 1u);
  EXPECT_EQ(s.targets[0].url, "http://localhost:8080");
  EXPECT_EQ(s.targets[0].headers, (suite::Pairs{{"Authorization", "Bearer s3cr3t"},
                                                {"X-Again", "s3cr3t"},
                                                {"X-Literal", "${env:NOT_RESOLVED} costs $5"}}));
  EXPECT_EQ(s.secrets, (std::vector<std::string>{"8080", "s3cr3t"})) << "defaults are not secret; no repeats";
}

TEST(LoaderTargets, EmptyVariableTakesTheDefaultButIsUsedWithoutOne) {
  suite::Suite s = load_ok(R"(suite: t
targets: {demo: builtin:demo}
requests:
  r:
    path: /
    headers: {X-A: "[${env:EMPTY:-fallback}]", X-B: "[${env:EMPTY}]"}
)",
                           with_env({{"EMPTY", ""}}));
  EXPECT_EQ(s.requests[0].headers, (suite::Pairs{{"X-A", "[fallback]"}, {"X-B", "[]"}}));
  EXPECT_TRUE(s.secrets.empty());
}

TEST(LoaderTargets, InterpolatedPlainScalarsAreTypedAfterResolution) {
  suite::Suite s = load_ok(R"(suite: t
targets: {demo: builtin:demo}
defaults: {timeout_ms: "${env:TIMEOUT:-1500}"}
requests:
  r:
    path: /
    method: POST
    body:
      n: ${env:COUNT}
      s: "${env:COUNT}"
)",
                           with_env({{"COUNT", "3"}}));
  EXPECT_EQ(s.defaults.timeout_ms, 1500);
  EXPECT_EQ(*s.requests[0].body, Value::parse(R"({"n": 3, "s": "3"})"));
}

TEST(LoaderTargets, EnvironmentsOverlayTargetsFieldByField) {
  suite::Suite s = load_ok(R"(suite: t
targets:
  api:
    url: http://localhost:8080
    headers: {X-Client: glassbox}
    timeout_ms: 2000
  demo: builtin:demo
environments:
  alpha:
    targets: {api: {timeout_ms: 500}}
    headers: {X-Env: alpha}
  beta:
    targets: {api: "https://api.example.com"}
defaults: {target: api}
requests: {r: {path: /}}
)");
  ASSERT_EQ(s.environments.size(), 2u);
  EXPECT_EQ(s.environments[0].name, "alpha");
  EXPECT_EQ(s.environments[0].targets[0].url, "") << "unset in the overlay";

  auto alpha = suite::resolve_targets(s, "alpha");
  ASSERT_TRUE(alpha) << alpha.error().to_string();
  EXPECT_EQ((*alpha)[0].url, "http://localhost:8080");
  EXPECT_EQ((*alpha)[0].timeout_ms, 500);
  EXPECT_EQ((*alpha)[0].headers, (suite::Pairs{{"X-Client", "glassbox"}, {"X-Env", "alpha"}}));
  EXPECT_EQ((*alpha)[1].headers, (suite::Pairs{{"X-Env", "alpha"}}));

  auto beta = suite::resolve_targets(s, "beta");
  ASSERT_TRUE(beta) << beta.error().to_string();
  EXPECT_EQ((*beta)[0].url, "https://api.example.com");
  EXPECT_EQ((*beta)[0].timeout_ms, 2000);

  auto base = suite::resolve_targets(s, "");
  ASSERT_TRUE(base);
  EXPECT_EQ((*base)[0].url, "http://localhost:8080");
}

TEST(LoaderTargets, HeaderNamesAndValuesAreChecked) {
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: {url: builtin:demo, headers: {"X Bad": 1}}}
requests: {r: {path: /}}
)"),
            "suite.yaml:2:47: 'X Bad' is not a valid header name (letters, digits and !#$%&'*+-.^_`|~; no spaces or "
            "':')");
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
requests: {r: {path: /, headers: {X-A: "${env:MULTI}"}}}
)",
                       with_env({{"MULTI", "a\r\nX-Injected: 1"}})),
            "suite.yaml:3:40: header 'X-A' must not contain a line break");
}

TEST(LoaderTargets, SuiteFileIsReadFromDiskAndRecordsItsPath) {
  std::filesystem::path file = std::filesystem::temp_directory_path() /
                               ("glassbox-loader-" + std::to_string(::getpid()) + ".yaml");
  {
    std::ofstream out(file);
    out << "suite: on-disk\ntargets: {d: builtin:demo}\nrequests: {r: {path: /}}\n";
  }
  auto loaded = load_suite_file(file, with_env());
  std::filesystem::remove(file);
  ASSERT_TRUE(loaded) << loaded.error().to_string();
  EXPECT_EQ(loaded->name, "on-disk");
  EXPECT_EQ(loaded->file, file.string());
}

TEST(LoaderTargets, SuiteTextRecordsItsName) {
  suite::Suite s = load_ok("suite: named\ndescription: what it covers\ntargets: {d: builtin:demo}\n"
                           "requests: {r: {path: /}}\n");
  EXPECT_EQ(s.name, "named");
  EXPECT_EQ(s.description, "what it covers");
  EXPECT_EQ(s.file, "suite.yaml");
}

}  // namespace
}  // namespace glassbox::loader
