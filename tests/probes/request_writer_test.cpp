#include "probes/http/request_writer.hpp"

#include <gtest/gtest.h>

namespace glassbox::probes::detail {
namespace {

constexpr const char* kTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
constexpr const char* kSpan = "00f067aa0ba902b7";

HttpRequest request(std::string method, std::string body = "", Headers headers = {}) {
  HttpRequest r;
  r.method = std::move(method);
  r.body = std::move(body);
  r.headers = std::move(headers);
  r.trace_id = kTrace;
  return r;
}

std::string written(const HttpRequest& r, std::string_view target = "/x?y=1") {
  std::string out = "stale bytes from the previous request";
  write_request(out, r, target, "h:81", "glassbox", kSpan);
  return out;
}

TEST(WriteRequest, GetHasHostUserAgentAndTraceparentButNoContentLength) {
  EXPECT_EQ(written(request("GET")),
            "GET /x?y=1 HTTP/1.1\r\nHost: h:81\r\nUser-Agent: glassbox\r\n"
            "traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\r\n\r\n");
}

TEST(WriteRequest, PostCarriesContentLengthAndBody) {
  EXPECT_EQ(written(request("POST", R"({"a":1})", {{"Content-Type", "application/json"}})),
            "POST /x?y=1 HTTP/1.1\r\nHost: h:81\r\nUser-Agent: glassbox\r\n"
            "traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\r\n"
            "Content-Type: application/json\r\nContent-Length: 7\r\n\r\n{\"a\":1}");
}

TEST(WriteRequest, EmptyPostStillSaysContentLengthZero) {
  EXPECT_NE(written(request("POST")).find("\r\nContent-Length: 0\r\n\r\n"), std::string::npos);
  EXPECT_EQ(written(request("DELETE")).find("Content-Length"), std::string::npos);
}

TEST(WriteRequest, CallerHostAndUserAgentWinButFramingAndTraceparentAreTheClients) {
  EXPECT_EQ(written(request("PUT", "ab",
                            {{"host", "virtual.example"},
                             {"User-Agent", "custom"},
                             {"Content-Length", "99"},
                             {"Transfer-Encoding", "chunked"},
                             {"TraceParent", "00-11111111111111111111111111111111-2222222222222222-01"},
                             {"X-Keep", "yes"}})),
            "PUT /x?y=1 HTTP/1.1\r\n"
            "traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\r\n"
            "host: virtual.example\r\nUser-Agent: custom\r\nX-Keep: yes\r\nContent-Length: 2\r\n\r\nab");
}

TEST(WriteRequest, EmptyOrQueryOnlyTargetGetsALeadingSlash) {
  EXPECT_EQ(written(request("GET"), "").rfind("GET / HTTP/1.1\r\n", 0), 0u);
  EXPECT_EQ(written(request("GET"), "?q=1").rfind("GET /?q=1 HTTP/1.1\r\n", 0), 0u);
}

TEST(RequestProblem, RejectsHeadersThatWouldBreakFraming) {
  EXPECT_FALSE(request_problem(request("GET", "", {{"X-Ok", "fine value"}})).has_value());
  EXPECT_EQ(request_problem(request("GET", "", {{"X-Bad", "a\r\nInjected: 1"}})),
            "the value of request header 'X-Bad' holds a line break or NUL");
  EXPECT_EQ(request_problem(request("GET", "", {{"Bad Name", "v"}})), "invalid request header name 'Bad Name'");
  EXPECT_EQ(request_problem(request("GE T")), "invalid request method 'GE T'");
}

}  // namespace
}  // namespace glassbox::probes::detail
