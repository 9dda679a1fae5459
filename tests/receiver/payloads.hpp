// Export bodies for the receiver tests, small enough to read.
#pragma once

#include <string>

#include <fmt/format.h>

namespace glassbox::probes::test {

// An OTLP/JSON export of `good` spans of service "svc", plus `bad` spans whose trace id is
// too short (the decoder rejects each one, a partial success).
inline std::string otlp_json(int good, int bad = 0) {
  std::string spans;
  for (int i = 0; i < good + bad; ++i) {
    if (!spans.empty()) spans += ",";
    const std::string trace_id = i < good ? "4bf92f3577b34da6a3ce929d0e0e4736" : "abcd";
    spans += fmt::format(
        R"({{"traceId":"{}","spanId":"00f067aa0ba9{:04x}","name":"op{}","kind":2,)"
        R"("startTimeUnixNano":"1000","endTimeUnixNano":"2000"}})",
        trace_id, i + 1, i);
  }
  return fmt::format(
      R"({{"resourceSpans":[{{"resource":{{"attributes":[{{"key":"service.name","value":{{"stringValue":"svc"}}}}]}},)"
      R"("scopeSpans":[{{"scope":{{"name":"test"}},"spans":[{}]}}]}}]}})",
      spans);
}

// A Zipkin v2 JSON list of two spans of one trace.
inline std::string zipkin_json() {
  return R"([{"traceId":"4bf92f3577b34da6a3ce929d0e0e4736","id":"00f067aa0ba902b7","name":"get /","kind":"SERVER",)"
         R"("timestamp":1700000000000000,"duration":1500,"localEndpoint":{"serviceName":"web"}},)"
         R"({"traceId":"4bf92f3577b34da6a3ce929d0e0e4736","id":"00f067aa0ba902b8","parentId":"00f067aa0ba902b7",)"
         R"("name":"db","timestamp":1700000000000100,"duration":900,"localEndpoint":{"serviceName":"web"}}])";
}

}  // namespace glassbox::probes::test
