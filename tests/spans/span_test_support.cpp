#include "span_test_support.hpp"

#include <fstream>
#include <sstream>

#include <google/protobuf/util/json_util.h>

#include "suites/model/value.hpp"

namespace glassbox::spans_test {
namespace {

std::string base64_decode(std::string_view text) {
  static const std::string kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string bytes;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    if (c == '=') break;
    buffer = buffer << 6 | static_cast<std::uint32_t>(kAlphabet.find(c));
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push_back(static_cast<char>(buffer >> bits & 0xff));
    }
  }
  return bytes;
}

}  // namespace

std::string to_hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char byte : bytes) {
    out.push_back(kDigits[byte >> 4]);
    out.push_back(kDigits[byte & 15]);
  }
  return out;
}

namespace {

// protobuf's JSON mapping writes bytes as base64; OTLP/JSON writes the ids as hex.
void ids_to_hex(Value& json) {
  if (json.is_array()) {
    for (auto& item : json) ids_to_hex(item);
    return;
  }
  if (!json.is_object()) return;
  for (auto& [key, value] : json.items()) {
    if ((key == "traceId" || key == "spanId" || key == "parentSpanId") && value.is_string()) {
      value = to_hex(base64_decode(value.get<std::string>()));
    } else {
      ids_to_hex(value);
    }
  }
}

template <typename T>
::testing::AssertionResult compare(const char* field, const T& expected, const T& actual) {
  if (expected == actual) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << field << " differs: expected " << ::testing::PrintToString(expected) << ", got "
         << ::testing::PrintToString(actual);
}

::testing::AssertionResult compare(const char* field, const Value& expected, const Value& actual) {
  if (expected == actual) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << field
         << " differs, patch from expected to actual: " << Value::diff(expected, actual).dump();
}

}  // namespace

std::string read_fixture(std::string_view name) {
  std::ifstream file(std::string(GLASSBOX_TEST_DATA) + "/fixtures/" + std::string(name),
                     std::ios::binary);
  std::ostringstream bytes;
  bytes << file.rdbuf();
  return bytes.str();
}

::testing::AssertionResult same_span(const Span& e, const Span& a) {
  const std::string where = " (span " + e.span_id + " '" + e.name + "')";
  for (auto result :
       {compare("trace_id", e.trace_id, a.trace_id), compare("span_id", e.span_id, a.span_id),
        compare("parent_span_id", e.parent_span_id, a.parent_span_id),
        compare("parent_is_remote", e.parent_is_remote, a.parent_is_remote),
        compare("name", e.name, a.name),
        compare("kind", std::string(to_string(e.kind)), std::string(to_string(a.kind))),
        compare("start_unix_nano", e.start_unix_nano, a.start_unix_nano),
        compare("end_unix_nano", e.end_unix_nano, a.end_unix_nano),
        compare("status", std::string(to_string(e.status)), std::string(to_string(a.status))),
        compare("status_message", e.status_message, a.status_message),
        compare("attributes", e.attributes, a.attributes), compare("service", e.service, a.service),
        compare("resource", e.resource, a.resource), compare("scope", e.scope, a.scope),
        compare("events", e.events.size(), a.events.size())}) {
    if (!result) return result << where;
  }
  for (std::size_t i = 0; i < e.events.size(); ++i) {
    for (auto result :
         {compare("event name", e.events[i].name, a.events[i].name),
          compare("event time", e.events[i].time_unix_nano, a.events[i].time_unix_nano),
          compare("event attributes", e.events[i].attributes, a.events[i].attributes)}) {
      if (!result) return result << where;
    }
  }
  return ::testing::AssertionSuccess();
}

std::string to_otlp_json(
    const opentelemetry::proto::collector::trace::v1::ExportTraceServiceRequest& request,
    EnumStyle enums) {
  google::protobuf::util::JsonPrintOptions options;
  options.always_print_enums_as_ints = enums == EnumStyle::Integers;
  std::string text;
  if (!google::protobuf::util::MessageToJsonString(request, &text, options).ok()) return "";
  Value json = Value::parse(text);
  ids_to_hex(json);
  return json.dump();
}

std::string bytes_from_hex(std::string_view text) {
  std::string bytes;
  for (std::size_t i = 0; i + 1 < text.size(); i += 2) {
    bytes.push_back(static_cast<char>(std::stoi(std::string(text.substr(i, 2)), nullptr, 16)));
  }
  return bytes;
}

}  // namespace glassbox::spans_test
