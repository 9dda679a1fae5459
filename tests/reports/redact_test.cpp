#include "reports/model/redact.hpp"

#include <gtest/gtest.h>

namespace glassbox::reports {
namespace {

TEST(Redactor, ReplacesEveryOccurrenceOfASecret) {
  const Redactor r({"s3cr3t"});
  EXPECT_EQ(r.text("token=s3cr3t&again=s3cr3t"), "token=***&again=***");
}

TEST(Redactor, RedactsOverlappingSecretsFully) {
  const Redactor r({"abcd", "cdef"});
  EXPECT_EQ(r.text("xxabcdefyy"), "xx***yy");
}

TEST(Redactor, RedactsASecretThatContainsAnother) {
  const Redactor r({"key", "key-long-part"});
  EXPECT_EQ(r.text("a key-long-part b key c"), "a *** b *** c");
}

TEST(Redactor, RedactsThePercentEncodedAndJsonEscapedSpellings) {
  const Redactor r({"p@ss \"word\""});
  EXPECT_EQ(r.text("https://h/login?pw=p%40ss%20%22word%22"), "https://h/login?pw=***");
  EXPECT_EQ(r.text(R"({"pw":"p@ss \"word\""})"), R"({"pw":"***"})");
}

TEST(Redactor, IgnoresEmptySecrets) {
  const Redactor r({""});
  EXPECT_EQ(r.text("nothing to hide"), "nothing to hide");
}

TEST(Redactor, HidesSensitiveHeadersWhateverTheirCase) {
  const Redactor r({"s3cr3t"}, {"X-Api-Key"});
  const Headers in = {{"AUTHORIZATION", "Bearer abc"}, {"cookie", "id=1"},      {"Set-Cookie", "id=2"},
                      {"Proxy-Authorization", "x"},    {"x-api-key", "k"},     {"X-Note", "uses s3cr3t here"},
                      {"Accept", "application/json"}};
  const Headers expected = {{"AUTHORIZATION", "***"}, {"cookie", "***"},  {"Set-Cookie", "***"},
                            {"Proxy-Authorization", "***"}, {"x-api-key", "***"}, {"X-Note", "uses *** here"},
                            {"Accept", "application/json"}};
  EXPECT_EQ(r.headers(in), expected);
}

TEST(Redactor, RedactsAWholeExchange) {
  const Redactor r({"s3cr3t"});
  Exchange e;
  e.url = "http://h/?k=s3cr3t";
  e.request_headers = {{"Authorization", "Bearer s3cr3t"}};
  e.request_body = "{\"k\":\"s3cr3t\"}";
  e.response_headers = {{"X-Echo", "s3cr3t"}};
  e.response_body = "echo s3cr3t";
  const Exchange out = r.exchange(e);
  EXPECT_EQ(out.url, "http://h/?k=***");
  EXPECT_EQ(out.request_headers, (Headers{{"Authorization", "***"}}));
  EXPECT_EQ(out.request_body, "{\"k\":\"***\"}");
  EXPECT_EQ(out.response_headers, (Headers{{"X-Echo", "***"}}));
  EXPECT_EQ(out.response_body, "echo ***");
}

}  // namespace
}  // namespace glassbox::reports
