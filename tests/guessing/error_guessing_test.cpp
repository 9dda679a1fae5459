// The error_guessing technique on suites loaded from YAML: one case per input and entry,
// the others nominal, ids, covers, the default "no 5xx" expectation, forms and placement.
#include <algorithm>
#include <fstream>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "generators/generator.hpp"
#include "suites/loader/loader.hpp"

namespace glassbox::generators {
namespace {

using testing::Contains;
using testing::ElementsAre;
using testing::Not;

std::string suite_text(const std::string& request) {
  return R"(suite: shop
targets: {demo: builtin:demo}
inputs:
  item: {type: string, min_length: 1, max_length: 40}
  quantity: {type: int, min: 1, max: 99}
  member: {type: bool}
  token: {type: string, min_length: 4, max_length: 4}
requests:
)" + request;
}

const std::string kOrder = R"(  order:
    method: POST
    path: /orders
    body: {item: "{{item}}", quantity: "{{quantity}}"}
    expect: {status: 201, latency_ms: 800}
    expect_invalid: {status: 400}
    techniques:
      - {technique: error_guessing}
)";

suite::Suite load(const std::string& text) {
  auto loaded = loader::load_suite_text(text, "shop.yaml");
  EXPECT_TRUE(loaded.ok()) << loaded.error().to_string();
  return loaded.ok() ? *loaded : suite::Suite{};
}

Expected<std::vector<suite::Case>> generate(const suite::Suite& s, std::size_t use = 0) {
  if (s.requests.empty()) return Error{"suite did not load"};
  const suite::Request& r = s.requests.front();
  return find_generator("error_guessing")->generate(GenerationContext{s, r, r.techniques.at(use), 1});
}

const suite::Case* find_case(const std::vector<suite::Case>& cases, std::string_view id) {
  auto it = std::find_if(cases.begin(), cases.end(), [&](const suite::Case& c) { return c.id == id; });
  return it == cases.end() ? nullptr : &*it;
}

std::vector<std::string> ids(const std::vector<suite::Case>& cases) {
  std::vector<std::string> out;
  for (const suite::Case& c : cases) out.push_back(c.id);
  return out;
}

TEST(ErrorGuessing, IsRegisteredWithAllAndOneFormPerCategory) {
  const Generator* g = find_generator("error_guessing");
  ASSERT_TRUE(g);
  std::vector<std::string_view> forms = g->forms();
  ASSERT_FALSE(forms.empty());
  EXPECT_EQ(forms.front(), "all");
  EXPECT_THAT(forms, Contains("sql"));
  EXPECT_THAT(forms, Contains("unicode"));
}

TEST(ErrorGuessing, OneCasePerInputAndApplicableEntryWithTheOthersNominal) {
  suite::Suite s = load(suite_text(kOrder));
  auto cases = generate(s);
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  // 35 string entries for item, 41 int entries for quantity.
  EXPECT_EQ(cases->size(), 35u + 41u);
  const suite::Case* c = find_case(*cases, "order/error_guessing/all/item=sql.quote");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->label, "item=sql.quote");
  ASSERT_EQ(c->bindings.size(), 2u);
  EXPECT_EQ(c->bindings[0].value, "'");
  EXPECT_TRUE(c->bindings[0].under_test);
  EXPECT_EQ(c->bindings[1].input, "quantity");
  EXPECT_EQ(c->bindings[1].value, 50);  // nominal
  EXPECT_FALSE(c->bindings[1].under_test);
  EXPECT_THAT(c->covers, ElementsAre("guess:sql.quote"));
  EXPECT_FALSE(c->body_edit);
}

TEST(ErrorGuessing, DefaultExpectationIsNo5xxWithinTheRequestsLatencyLimit) {
  suite::Suite s = load(suite_text(kOrder));
  auto cases = generate(s);
  ASSERT_TRUE(cases.ok());
  const suite::Case* c = find_case(*cases, "order/error_guessing/all/quantity=number.nan");
  ASSERT_TRUE(c);
  ASSERT_TRUE(c->expect.status);
  EXPECT_EQ(c->expect.status->to_string(), "1xx|2xx|3xx|4xx");
  EXPECT_FALSE(c->expect.status->matches(500));
  EXPECT_TRUE(c->expect.status->matches(400));
  EXPECT_TRUE(c->expect.status->matches(201));
  EXPECT_EQ(c->expect.latency_max_ms, 800);
  EXPECT_TRUE(c->expect.json.empty());
  EXPECT_EQ(c->expected_outcome, "no 5xx");
  ASSERT_TRUE(c->body_edit);
  EXPECT_EQ(c->body_edit->raw_json, "NaN");
}

TEST(ErrorGuessing, ExpectInvalidUsesTheRequestsExpectInvalid) {
  std::string text = suite_text(kOrder);
  text.replace(text.find("{technique: error_guessing}"), 27,
               "{technique: error_guessing, options: {expect: invalid}}");
  suite::Suite s = load(text);
  auto cases = generate(s);
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  const suite::Case* c = find_case(*cases, "order/error_guessing/all/item=field.missing");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->expect.status->to_string(), "400");
  EXPECT_EQ(c->expected_outcome, "invalid (item=field.missing)");
}

TEST(ErrorGuessing, FormPicksOneCategory) {
  suite::Suite s = load(suite_text(R"(  order:
    method: POST
    path: /orders
    body: {item: "{{item}}", quantity: "{{quantity}}"}
    techniques:
      - {technique: error_guessing, form: sql, inputs: [item]}
)"));
  auto cases = generate(s);
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  EXPECT_THAT(ids(*cases), ElementsAre("order/error_guessing/sql/item=sql.quote", "order/error_guessing/sql/item=sql.tautology",
                                       "order/error_guessing/sql/item=sql.union", "order/error_guessing/sql/item=sql.stacked"));
}

TEST(ErrorGuessing, OnlySkipAndExtraSelectEntries) {
  suite::Suite s = load(suite_text(R"(  order:
    method: POST
    path: /orders
    body: {item: "{{item}}", quantity: "{{quantity}}"}
    techniques:
      - technique: error_guessing
        inputs: [item]
        options:
          only: [unicode, field.null, extra]
          skip: [unicode.nul, unicode.invalid_utf8]
          extra:
            - {id: vendor.sku, types: [string], value: "SKU-0000"}
            - {id: vendor.count, types: int, value: 7}
)"));
  auto cases = generate(s);
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  EXPECT_THAT(ids(*cases),
              ElementsAre("order/error_guessing/all/item=field.null", "order/error_guessing/all/item=unicode.combining",
                          "order/error_guessing/all/item=unicode.rtl", "order/error_guessing/all/item=unicode.emoji",
                          "order/error_guessing/all/item=unicode.zero_width",
                          "order/error_guessing/all/item=unicode.lone_surrogate",
                          "order/error_guessing/all/item=vendor.sku"));
  EXPECT_THAT(cases->back().covers, ElementsAre("guess:vendor.sku"));
  EXPECT_EQ(cases->back().bindings[0].value, "SKU-0000");
}

TEST(ErrorGuessing, QueryInputsGetNoDuplicateKeyAndHeaderInputsNoLineBreaks) {
  suite::Suite s = load(suite_text(R"(  search:
    path: /search
    query: {q: "{{item}}"}
    headers: {X-Token: "{{token}}"}
    techniques: [error_guessing]
)"));
  auto cases = generate(s);
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  std::vector<std::string> all = ids(*cases);
  EXPECT_THAT(all, Not(Contains("search/error_guessing/all/item=json.duplicate_key")));
  EXPECT_THAT(all, Contains("search/error_guessing/all/item=injection.crlf"));
  EXPECT_THAT(all, Contains("search/error_guessing/all/item=unicode.nul"));
  EXPECT_THAT(all, Not(Contains("search/error_guessing/all/token=injection.crlf")));
  EXPECT_THAT(all, Not(Contains("search/error_guessing/all/token=unicode.nul")));
  EXPECT_THAT(all, Contains("search/error_guessing/all/token=sql.quote"));
  EXPECT_EQ(cases->size(), 34u + 32u);
}

TEST(ErrorGuessing, IsDeterministicAndIgnoresTheSeed) {
  suite::Suite s = load(suite_text(kOrder));
  const suite::Request& r = s.requests.front();
  auto first = find_generator("error_guessing")->generate(GenerationContext{s, r, r.techniques[0], 1});
  auto second = find_generator("error_guessing")->generate(GenerationContext{s, r, r.techniques[0], 99});
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(ids(*first), ids(*second));
}

TEST(ErrorGuessing, GenerateAllRunsItFromTheSuite) {
  suite::Suite s = load(suite_text(kOrder));
  auto all = generate_all(s, 1);
  ASSERT_TRUE(all.ok()) << all.error().to_string();
  EXPECT_EQ(all->size(), 76u);
}

// The example of docs/suite-format.md generates what the text beside it says.
TEST(ErrorGuessing, DocsExampleGeneratesTheCountsItStates) {
  std::ifstream in(std::string(GLASSBOX_SOURCE_DIR) + "/docs/suite-format.md");
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string doc = buffer.str();
  std::size_t start = doc.find("```yaml\nsuite: error-guessing-example\n");
  ASSERT_NE(start, std::string::npos);
  start += 8;
  std::string yaml = doc.substr(start, doc.find("```", start) - start);
  suite::Suite s = load(yaml);
  auto all = generate_all(s, 1);
  ASSERT_TRUE(all.ok()) << all.error().to_string();
  ASSERT_EQ(all->size(), 14u + 62u + 1u);
  EXPECT_EQ((*all)[0].expect.status->to_string(), "400");
  EXPECT_EQ((*all)[14].expect.status->to_string(), "1xx|2xx|3xx|4xx");
  EXPECT_EQ(all->back().id, "create_order/error_guessing/extra/item=sku.reserved");

  std::string broken = yaml;
  broken.replace(broken.find("only: [field, type]"), 19, "only: [sqll]");
  auto error = generate_all(load(broken), 1);
  ASSERT_FALSE(error.ok());
  EXPECT_NE(doc.find("`" + error.error().message + "`"), std::string::npos) << error.error().message;
}

}  // namespace
}  // namespace glassbox::generators
