// The demo's OTLP exporter: the protobuf it encodes, and its delivery over loopback to a
// stand-in receiver (batching, retries, the final flush on stop).
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "otlp_test_receiver.hpp"
#include "probes/demo/otlp_exporter.hpp"

namespace glassbox::probes::demo {
namespace {

using opentelemetry::proto::collector::trace::v1::ExportTraceServiceRequest;
using opentelemetry::proto::trace::v1::Span;
using testing::attribute_text;
using testing::OtlpTestReceiver;
using testing::to_hex;

std::string span_id_for(int index) {
  char id[17];
  std::snprintf(id, sizeof id, "%016x", static_cast<unsigned>(index + 1));
  return id;
}

SpanRecord sample_span(int index) {
  SpanRecord span;
  span.trace_id = "4bf92f3577b34da6a3ce929d0e0e4736";
  span.span_id = span_id_for(index);
  span.parent_span_id = "00f067aa0ba902b7";
  span.name = "classify";
  span.start_unix_nano = 1795607677743000000;
  span.end_unix_nano = 1795607677747630841;
  span.flags = kSpanFlagHasIsRemote | kSpanFlagSampled;
  return span;
}

ExporterOptions options_for(const OtlpTestReceiver& receiver) {
  ExporterOptions options;
  options.endpoint = receiver.endpoint() + "/";  // a trailing slash is not doubled
  options.resource = {"glassbox-demo", "0.1.0"};
  return options;
}

std::unique_ptr<OtlpExporter> start(ExporterOptions options) {
  auto exporter = OtlpExporter::start(std::move(options));
  EXPECT_TRUE(exporter.ok());
  return std::move(*exporter);
}

TEST(OtlpEncoding, EncodesResourceScopeAndEverySpanField) {
  SpanRecord server = sample_span(0);
  server.name = "POST /triangle";
  server.kind = SpanKind::server;
  server.flags = 0x301;
  server.status = SpanStatus::error;
  server.status_message = "boom";
  server.set("http.response.status_code", std::int64_t{500});
  server.set("leap", true);
  server.set("amount", 12.5);
  server.set("branch", std::string("scalene"));
  SpanRecord root = sample_span(1);
  root.parent_span_id = "";

  ExportTraceServiceRequest decoded;
  ASSERT_TRUE(decoded.ParseFromString(encode_export_request({server, root}, {"demo", "0.1.0"})));
  ASSERT_EQ(decoded.resource_spans_size(), 1);
  const auto& resource = decoded.resource_spans(0);
  std::vector<std::string> resource_attributes;
  for (const auto& attribute : resource.resource().attributes()) {
    resource_attributes.push_back(attribute.key() + "=" + attribute.value().string_value());
  }
  EXPECT_EQ(resource_attributes,
            (std::vector<std::string>{"service.name=demo", "service.version=0.1.0",
                                      "telemetry.sdk.name=glassbox-demo",
                                      "telemetry.sdk.language=cpp"}));
  ASSERT_EQ(resource.scope_spans_size(), 1);
  EXPECT_EQ(resource.scope_spans(0).scope().name(), "glassbox.demo");
  ASSERT_EQ(resource.scope_spans(0).spans_size(), 2);

  const Span& span = resource.scope_spans(0).spans(0);
  EXPECT_EQ(to_hex(span.trace_id()), "4bf92f3577b34da6a3ce929d0e0e4736");
  EXPECT_EQ(to_hex(span.span_id()), "0000000000000001");
  EXPECT_EQ(to_hex(span.parent_span_id()), "00f067aa0ba902b7");
  EXPECT_EQ(span.name(), "POST /triangle");
  EXPECT_EQ(span.kind(), Span::SPAN_KIND_SERVER);
  EXPECT_EQ(span.flags(), 0x301u);
  EXPECT_EQ(span.start_time_unix_nano(), 1795607677743000000u);
  EXPECT_EQ(span.end_time_unix_nano(), 1795607677747630841u);
  EXPECT_EQ(span.status().code(), opentelemetry::proto::trace::v1::Status::STATUS_CODE_ERROR);
  EXPECT_EQ(span.status().message(), "boom");
  EXPECT_EQ(span.attributes(0).value().int_value(), 500);
  EXPECT_TRUE(span.attributes(1).value().bool_value());
  EXPECT_EQ(span.attributes(2).value().double_value(), 12.5);
  EXPECT_EQ(attribute_text(span, "branch"), "scalene");

  const Span& root_span = resource.scope_spans(0).spans(1);
  EXPECT_TRUE(root_span.parent_span_id().empty());
  EXPECT_EQ(root_span.kind(), Span::SPAN_KIND_INTERNAL);
  EXPECT_EQ(root_span.status().code(), opentelemetry::proto::trace::v1::Status::STATUS_CODE_UNSET);
}

TEST(OtlpExporter, RejectsAnEndpointWithoutScheme) {
  ExporterOptions options;
  options.endpoint = "127.0.0.1:4318";
  const auto exporter = OtlpExporter::start(options);
  ASSERT_FALSE(exporter.ok());
  EXPECT_EQ(exporter.error().message,
            "invalid OTLP endpoint '127.0.0.1:4318': the scheme must be http:// or https://");
}

TEST(OtlpExporter, StopSendsEverySpanStillQueuedAsProtobufPost) {
  OtlpTestReceiver receiver;
  ExporterOptions options = options_for(receiver);
  options.flush_interval = std::chrono::hours(1);  // only stop() can send them
  auto exporter = start(options);
  for (int i = 0; i < 3; ++i) exporter->submit(sample_span(i));
  exporter->stop();

  const auto requests = receiver.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].method, "POST");
  EXPECT_EQ(requests[0].target, "/v1/traces");
  EXPECT_EQ(requests[0].content_type, "application/x-protobuf");
  EXPECT_EQ(receiver.accepted_spans().size(), 3u);
  EXPECT_EQ(exporter->stats().exported_spans, 3u);
  EXPECT_EQ(exporter->stats().dropped_spans, 0u);
}

TEST(OtlpExporter, FlushesOnItsIntervalWithoutWaitingForStop) {
  OtlpTestReceiver receiver;
  ExporterOptions options = options_for(receiver);
  options.flush_interval = std::chrono::milliseconds(20);
  auto exporter = start(options);
  exporter->submit(sample_span(0));
  ASSERT_TRUE(receiver.wait_for_requests(1, std::chrono::seconds(10)));
  EXPECT_EQ(receiver.accepted_spans().size(), 1u);
  exporter->stop();
}

TEST(OtlpExporter, AFullBatchIsSentBeforeTheIntervalEnds) {
  OtlpTestReceiver receiver;
  ExporterOptions options = options_for(receiver);
  options.flush_interval = std::chrono::hours(1);
  options.max_batch = 4;
  auto exporter = start(options);
  for (int i = 0; i < 4; ++i) exporter->submit(sample_span(i));
  ASSERT_TRUE(receiver.wait_for_requests(1, std::chrono::seconds(10)));
  EXPECT_EQ(receiver.accepted_spans().size(), 4u);
  exporter->stop();
}

TEST(OtlpExporter, SplitsLargeQueuesIntoBatchesOfAtMostMaxBatch) {
  OtlpTestReceiver receiver;
  auto exporter = start(options_for(receiver));
  constexpr int kSpans = 1100;
  for (int i = 0; i < kSpans; ++i) exporter->submit(sample_span(i));
  exporter->stop();

  std::set<std::string> ids;
  for (const auto& request : receiver.requests()) {
    ExportTraceServiceRequest decoded;
    ASSERT_TRUE(decoded.ParseFromString(request.body));
    EXPECT_LE(decoded.resource_spans(0).scope_spans(0).spans_size(), 512);
  }
  for (const Span& span : receiver.accepted_spans()) ids.insert(to_hex(span.span_id()));
  EXPECT_GE(receiver.requests().size(), 3u);
  EXPECT_EQ(ids.size(), static_cast<std::size_t>(kSpans));  // each span exactly once
}

TEST(OtlpExporter, RetriesBusyAnswersAfterRetryAfterAndLosesNothing) {
  OtlpTestReceiver receiver;
  receiver.answer_first_with({503, 429});
  auto exporter = start(options_for(receiver));
  exporter->submit(sample_span(0));
  exporter->stop();

  const auto requests = receiver.requests();
  ASSERT_EQ(requests.size(), 3u);
  EXPECT_EQ(requests[0].answered, 503);
  EXPECT_EQ(requests[1].answered, 429);
  EXPECT_EQ(requests[2].body, requests[0].body);  // the same batch, sent again
  EXPECT_EQ(receiver.accepted_spans().size(), 1u);
  EXPECT_EQ(exporter->stats().export_requests, 3u);
}

TEST(OtlpExporter, DropsABatchTheReceiverRefusesAndCountsIt) {
  OtlpTestReceiver receiver;
  receiver.answer_first_with({400});
  auto exporter = start(options_for(receiver));
  exporter->submit(sample_span(0));
  exporter->stop();
  EXPECT_EQ(receiver.requests().size(), 1u);
  EXPECT_EQ(exporter->stats().dropped_spans, 1u);
  EXPECT_EQ(exporter->stats().exported_spans, 0u);
}

TEST(OtlpExporter, GivesUpAfterMaxRetries) {
  OtlpTestReceiver receiver;
  receiver.answer_first_with({503, 503, 503});
  ExporterOptions options = options_for(receiver);
  options.max_retries = 2;
  auto exporter = start(options);
  exporter->submit(sample_span(0));
  exporter->stop();
  EXPECT_EQ(receiver.requests().size(), 3u);
  EXPECT_EQ(exporter->stats().dropped_spans, 1u);
}

TEST(OtlpExporter, SpansSubmittedAfterStopAreDroppedNotSent) {
  OtlpTestReceiver receiver;
  auto exporter = start(options_for(receiver));
  exporter->stop();
  exporter->submit(sample_span(0));
  exporter->stop();
  EXPECT_TRUE(receiver.requests().empty());
  EXPECT_EQ(exporter->stats().dropped_spans, 1u);
}

}  // namespace
}  // namespace glassbox::probes::demo
