#include "suites/model/span.hpp"

namespace glassbox {

std::string_view to_string(SpanKind kind) {
  switch (kind) {
    case SpanKind::Unspecified: return "unspecified";
    case SpanKind::Internal: return "internal";
    case SpanKind::Server: return "server";
    case SpanKind::Client: return "client";
    case SpanKind::Producer: return "producer";
    case SpanKind::Consumer: return "consumer";
  }
  return "unspecified";
}

std::string_view to_string(SpanStatus status) {
  switch (status) {
    case SpanStatus::Unset: return "unset";
    case SpanStatus::Ok: return "ok";
    case SpanStatus::Error: return "error";
  }
  return "unset";
}

}  // namespace glassbox
