#include "probes/receiver/otlp_http.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "opentelemetry/proto/collector/trace/v1/trace_service.pb.h"
#include "probes/receiver/gzip.hpp"

namespace glassbox::probes::receiver {
namespace {

IncomingRequest post(std::string target, std::string content_type, std::string body = "{}") {
  IncomingRequest request;
  request.method = "POST";
  request.target = std::move(target);
  request.content_type = std::move(content_type);
  request.body = std::move(body);
  return request;
}

// By value: the verdicts are temporaries.
HttpAnswer answer_of(const Verdict& verdict) {
  const auto* answer = std::get_if<HttpAnswer>(&verdict.outcome);
  return answer != nullptr ? *answer : HttpAnswer{0, "", "(admitted)", {}};
}

std::string header(const HttpAnswer& answer, const std::string& name) {
  for (const auto& [key, value] : answer.headers)
    if (key == name) return value;
  return "";
}

TEST(AdmitRequest, RoutesOtlpProtobufAndJsonWithCharset) {
  const Verdict protobuf = admit_request(post("/v1/traces", "application/x-protobuf", "bytes"), {});
  ASSERT_TRUE(std::holds_alternative<AdmittedExport>(protobuf.outcome));
  EXPECT_EQ(std::get<AdmittedExport>(protobuf.outcome).format, WireFormat::otlp_protobuf);
  EXPECT_EQ(std::get<AdmittedExport>(protobuf.outcome).body, "bytes");

  const Verdict json = admit_request(post("/v1/traces?x=1", "Application/JSON; charset=utf-8"), {});
  ASSERT_TRUE(std::holds_alternative<AdmittedExport>(json.outcome));
  EXPECT_EQ(std::get<AdmittedExport>(json.outcome).format, WireFormat::otlp_json);
}

TEST(AdmitRequest, TakesZipkinJsonAlsoWithoutContentType) {
  const Verdict verdict = admit_request(post("/api/v2/spans", ""), {});
  ASSERT_TRUE(std::holds_alternative<AdmittedExport>(verdict.outcome));
  EXPECT_EQ(std::get<AdmittedExport>(verdict.outcome).format, WireFormat::zipkin_json);
}

TEST(AdmitRequest, AnswersOtherPathsWith404) {
  const Verdict verdict = admit_request(post("/v1/metrics", "application/json"), {});
  EXPECT_EQ(verdict.refusal, Refusal::not_found);
  EXPECT_EQ(answer_of(verdict).status, 404);
  EXPECT_EQ(answer_of(verdict).body, "no such path: /v1/metrics (spans go to /v1/traces or /api/v2/spans)\n");
}

TEST(AdmitRequest, AnswersOtherMethodsWith405AndAllow) {
  IncomingRequest request = post("/v1/traces", "application/json");
  request.method = "GET";
  const Verdict verdict = admit_request(request, {});
  EXPECT_EQ(verdict.refusal, Refusal::bad_method);
  EXPECT_EQ(answer_of(verdict).status, 405);
  EXPECT_EQ(header(answer_of(verdict), "Allow"), "POST");
}

TEST(AdmitRequest, AnswersUnknownContentTypeWith415) {
  const Verdict verdict = admit_request(post("/v1/traces", "text/plain"), {});
  EXPECT_EQ(verdict.refusal, Refusal::bad_request);
  EXPECT_EQ(answer_of(verdict).status, 415);
  EXPECT_EQ(answer_of(verdict).body,
            "unsupported Content-Type 'text/plain'; /v1/traces takes application/x-protobuf or application/json\n");
}

TEST(AdmitRequest, AnswersProtobufToZipkinWith415) {
  EXPECT_EQ(answer_of(admit_request(post("/api/v2/spans", "application/x-protobuf"), {})).status, 415);
}

TEST(AdmitRequest, AnswersUnsupportedContentEncodingWith415InTheRequestsEncoding) {
  IncomingRequest request = post("/v1/traces", "application/json");
  request.content_encoding = "br";
  const HttpAnswer answer = answer_of(admit_request(request, {}));
  EXPECT_EQ(answer.status, 415);
  EXPECT_EQ(answer.content_type, "application/json");
  EXPECT_EQ(answer.body, R"({"code":3,"message":"unsupported Content-Encoding 'br'; use gzip or identity"})");
}

TEST(AdmitRequest, InflatesGzipBodies) {
  IncomingRequest request = post("/v1/traces", "application/json", gzip(R"({"resourceSpans":[]})"));
  request.content_encoding = "GZIP";
  const Verdict verdict = admit_request(request, {});
  ASSERT_TRUE(std::holds_alternative<AdmittedExport>(verdict.outcome));
  EXPECT_EQ(std::get<AdmittedExport>(verdict.outcome).body, R"({"resourceSpans":[]})");
}

TEST(AdmitRequest, AnswersBrokenGzipWith400) {
  IncomingRequest request = post("/v1/traces", "application/json", "not gzip");
  request.content_encoding = "gzip";
  const HttpAnswer answer = answer_of(admit_request(request, {}));
  EXPECT_EQ(answer.status, 400);
  EXPECT_EQ(answer.body, R"({"code":3,"message":"gzip body is malformed: incorrect header check"})");
}

TEST(AdmitRequest, AnswersGzipBombWith413) {
  IncomingRequest request = post("/v1/traces", "application/json", gzip(std::string(100000, ' ')));
  request.content_encoding = "gzip";
  const HttpAnswer answer = answer_of(admit_request(request, {.max_body_bytes = 1000, .max_decompressed_bytes = 5000}));
  EXPECT_EQ(answer.status, 413);
  EXPECT_EQ(answer.body, R"({"code":8,"message":"decompressed request body is over the limit of 5000 bytes"})");
}

TEST(AdmitRequest, AnswersBodyOverTheLimitWith413) {
  const HttpAnswer& answer =
      answer_of(admit_request(post("/v1/traces", "application/json", std::string(11, ' ')), {.max_body_bytes = 10}));
  EXPECT_EQ(answer.status, 413);
}

TEST(RefuseDeclaredLength, RefusesOnlyAContentLengthOverTheLimit) {
  IncomingRequest headers = post("/v1/traces", "application/x-protobuf", "");
  headers.content_length = 10;
  EXPECT_FALSE(refuse_declared_length(headers, {.max_body_bytes = 10}));
  headers.content_length = 11;
  const auto answer = refuse_declared_length(headers, {.max_body_bytes = 10});
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->status, 413);
  EXPECT_EQ(answer->content_type, "application/x-protobuf");
}

TEST(AcceptedAnswer, IsAnEmptyJsonObjectWithoutRejections) {
  const HttpAnswer answer = accepted_answer(WireFormat::otlp_json, 0, "");
  EXPECT_EQ(answer.status, 200);
  EXPECT_EQ(answer.content_type, "application/json");
  EXPECT_EQ(answer.body, "{}");
}

TEST(AcceptedAnswer, CarriesPartialSuccessInJson) {
  const HttpAnswer answer = accepted_answer(WireFormat::otlp_json, 2, "span 1: bad trace id");
  EXPECT_EQ(answer.body, R"({"partialSuccess":{"errorMessage":"span 1: bad trace id","rejectedSpans":"2"}})");
}

TEST(AcceptedAnswer, CarriesPartialSuccessInProtobuf) {
  const HttpAnswer answer = accepted_answer(WireFormat::otlp_protobuf, 3, "bad ids");
  EXPECT_EQ(answer.content_type, "application/x-protobuf");
  opentelemetry::proto::collector::trace::v1::ExportTraceServiceResponse response;
  ASSERT_TRUE(response.ParseFromString(answer.body));
  EXPECT_EQ(response.partial_success().rejected_spans(), 3);
  EXPECT_EQ(response.partial_success().error_message(), "bad ids");
}

TEST(AcceptedAnswer, IsEmptyProtobufWithoutRejections) {
  EXPECT_EQ(accepted_answer(WireFormat::otlp_protobuf, 0, "").body, "");
}

TEST(AcceptedAnswer, Is202ForZipkin) {
  EXPECT_EQ(accepted_answer(WireFormat::zipkin_json, 0, "").status, 202);
}

TEST(MalformedAnswer, IsAProtobufStatusForProtobufRequests) {
  const HttpAnswer answer = malformed_answer(WireFormat::otlp_protobuf, "bad");
  EXPECT_EQ(answer.status, 400);
  // google.rpc.Status{code: 3, message: "bad"}
  EXPECT_EQ(answer.body, std::string("\x08\x03\x12\x03" "bad", 7));
}

TEST(ThrottledAnswer, Is429OrWith503WithRetryAfter) {
  const HttpAnswer full = throttled_answer(WireFormat::otlp_json, Throttle::sink_full, 2);
  EXPECT_EQ(full.status, 429);
  EXPECT_EQ(header(full, "Retry-After"), "2");
  const HttpAnswer closing = throttled_answer(WireFormat::zipkin_json, Throttle::shutting_down, 1);
  EXPECT_EQ(closing.status, 503);
  EXPECT_EQ(closing.body, "the receiver is shutting down\n");
  EXPECT_EQ(header(closing, "Retry-After"), "1");
}

TEST(MediaType, DropsParametersAndCase) {
  EXPECT_EQ(media_type(" Application/X-Protobuf ; charset=binary"), "application/x-protobuf");
  EXPECT_EQ(media_type(""), "");
}

}  // namespace
}  // namespace glassbox::probes::receiver
