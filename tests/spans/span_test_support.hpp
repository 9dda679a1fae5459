// Helpers for the span decoder tests: fixture files, field-by-field span comparison, and
// an independent OTLP/JSON encoder (libprotobuf's JSON printer with ids turned into hex,
// which is the one place OTLP/JSON departs from protobuf's JSON mapping).
#pragma once

#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "opentelemetry/proto/collector/trace/v1/trace_service.pb.h"
#include "suites/model/span.hpp"

namespace glassbox::spans_test {

// The bytes of tests/data/fixtures/<name>.
std::string read_fixture(std::string_view name);

// Every Span field compared, with the field's name in the failure message.
::testing::AssertionResult same_span(const Span& expected, const Span& actual);

enum class EnumStyle { Names, Integers };
// OTLP/JSON for a request: lowerCamelCase keys, int64 as strings, hex ids.
std::string to_otlp_json(
    const opentelemetry::proto::collector::trace::v1::ExportTraceServiceRequest& request,
    EnumStyle enums);

// Lowercase hex of raw bytes, written here independently of the decoders' own helper.
std::string to_hex(std::string_view bytes);

// Raw bytes from hex text ("00f0" -> "\x00\xf0"); the input must be valid hex.
std::string bytes_from_hex(std::string_view hex);

}  // namespace glassbox::spans_test
