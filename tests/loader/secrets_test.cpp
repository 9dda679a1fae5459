// What a suite marks secret besides ${env:...} values: inputs (`secret: true`) and headers
// (`secret_headers` on targets and in defaults).
#include <gtest/gtest.h>

#include "tests/loader/loader_test_support.hpp"

namespace glassbox::loader {
namespace {

using testing::load_error;
using testing::load_ok;

TEST(LoaderSecrets, InputsAreNotSecretUnlessMarked) {
  suite::Suite s = load_ok(R"(suite: t
targets: {demo: builtin:demo}
inputs:
  user: string
  pin: {type: int, min: 0, max: 9999}
  password: {type: string, min_length: 8, secret: true}
requests: {r: {path: "/{{user}}/{{pin}}/{{password}}"}}
)");
  ASSERT_EQ(s.inputs.size(), 3u);
  EXPECT_FALSE(s.inputs[0].secret);
  EXPECT_FALSE(s.inputs[1].secret);
  EXPECT_TRUE(s.inputs[2].secret);
}

TEST(LoaderSecrets, SecretHeadersOfTargetsAndDefaultsAreLowercasedOnceEach) {
  suite::Suite s = load_ok(R"(suite: t
targets:
  a: {url: "http://a", secret_headers: [X-Api-Key, X-Session]}
  b: {url: "http://b", secret_headers: x-api-key}
defaults:
  target: a
  secret_headers: [X-Vault-Token]
environments:
  beta: {targets: {b: {secret_headers: [X-Beta-Key]}}}
requests: {r: {path: /}}
)");
  EXPECT_EQ(s.secret_headers, (std::vector<std::string>{"x-api-key", "x-session", "x-vault-token", "x-beta-key"}));
}

TEST(LoaderSecrets, NoSecretHeadersByDefault) {
  suite::Suite s = load_ok("suite: t\ntargets: {demo: builtin:demo}\nrequests: {r: {path: /}}\n");
  EXPECT_TRUE(s.secret_headers.empty());
}

TEST(LoaderSecrets, SecretHeaderThatIsNoHeaderNameIsAnError) {
  EXPECT_EQ(load_error(R"(suite: t
targets:
  a: {url: "http://a", secret_headers: [X-Ok, "Bad Name"]}
requests: {r: {path: /}}
)"),
            "suite.yaml:3:47: 'secret_headers' must list header names (letters, digits and !#$%&'*+-.^_`|~), "
            "got 'Bad Name'");
}

TEST(LoaderSecrets, SecretHeadersMustBeAList) {
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
defaults: {secret_headers: {X-Api-Key: true}}
requests: {r: {path: /}}
)"),
            "suite.yaml:3:28: 'secret_headers' must be a list, got a map");
}

TEST(LoaderSecrets, SecretMustBeABoolean) {
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
inputs:
  password: {type: string, secret: maybe}
requests: {r: {path: "/{{password}}"}}
)"),
            "suite.yaml:4:36: 'secret' must be true or false, got 'maybe'");
}

TEST(LoaderSecrets, MisspeltSecretKeyIsSuggested) {
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
inputs:
  password: {type: string, secrte: true}
requests: {r: {path: "/{{password}}"}}
)"),
            "suite.yaml:4:28: unknown key 'secrte' in input 'password' (did you mean 'secret'?)");
}

}  // namespace
}  // namespace glassbox::loader
