// OTLP protobuf attribute values as glassbox Values (JSON): strings, booleans, int64
// integers, doubles, arrays, kvlists as objects, bytes as base64 strings (the same text
// OTLP/JSON carries for bytes, so both encodings decode to equal Values).
//
// Pure functions, thread-safe. Recursion is bounded by libprotobuf's parse depth limit.
#pragma once

#include <string>
#include <string_view>

#include <google/protobuf/repeated_ptr_field.h>

#include "opentelemetry/proto/common/v1/common.pb.h"
#include "suites/model/value.hpp"

namespace glassbox::probes {

// An empty AnyValue (no alternative set) becomes null.
Value to_value(const opentelemetry::proto::common::v1::AnyValue& any);

// Key-value list as a JSON object; a repeated key keeps its last value.
Value to_value(
    const google::protobuf::RepeatedPtrField<opentelemetry::proto::common::v1::KeyValue>& list);

// Standard base64 with padding (RFC 4648 section 4).
std::string base64_encode(std::string_view bytes);

}  // namespace glassbox::probes
