// make_trace_source: the --traces-from forms it accepts and its errors.
#include "probes/traces/trace_source.hpp"

#include <gtest/gtest.h>

namespace glassbox::probes {
namespace {

TEST(MakeTraceSource, JaegerUrlMakesAJaegerSource) {
  const auto source = make_trace_source("jaeger:http://localhost:16686");
  ASSERT_TRUE(source.ok()) << source.error().message;
  EXPECT_EQ((*source)->kind(), "jaeger");
}

TEST(MakeTraceSource, TempoUrlMakesATempoSource) {
  const auto source = make_trace_source("tempo:https://tempo.example:3200/");
  ASSERT_TRUE(source.ok()) << source.error().message;
  EXPECT_EQ((*source)->kind(), "tempo");
}

TEST(MakeTraceSource, UnknownKindNamesTheAcceptedForms) {
  const auto source = make_trace_source("zipkin:http://x");
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.error().message, "--traces-from must be jaeger:URL or tempo:URL, got 'zipkin:http://x'");
}

TEST(MakeTraceSource, KindWithoutUrlIsAnError) {
  const auto source = make_trace_source("jaeger");
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.error().message, "--traces-from must be jaeger:URL or tempo:URL, got 'jaeger'");
}

TEST(MakeTraceSource, UrlWithoutHttpSchemeIsAnError) {
  const auto source = make_trace_source("tempo:localhost:3200");
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.error().message, "--traces-from tempo:URL needs an http:// or https:// URL, got 'localhost:3200'");
}

TEST(MakeTraceSource, EmptyUrlIsAnError) {
  const auto source = make_trace_source("jaeger:");
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.error().message, "--traces-from jaeger:URL needs an http:// or https:// URL, got ''");
}

}  // namespace
}  // namespace glassbox::probes
