#include "probes/demo/tracing_middleware.hpp"

#include <exception>
#include <utility>

#include "probes/demo/router.hpp"

namespace glassbox::probes::demo {
namespace {

void finish_server_span(SpanRecord& span, int status_code) {
  span.set("http.response.status_code", std::int64_t{status_code});
  // Per the HTTP conventions a server span is an error for 5xx only: a 4xx is the client's
  // mistake, answered correctly.
  if (status_code >= 500) span.status = SpanStatus::error;
}

}  // namespace

DemoHandler with_tracing(DemoHandler inner, SpanSink& sink, ServerAddress server) {
  return [inner = std::move(inner), &sink, server = std::move(server)](const DemoRequest& request) {
    const auto header = request.headers.find("traceparent");
    ServerSpan span(sink, header == request.headers.end() ? std::string_view() : header->second,
                    request.method);
    if (span.recording()) {
      SpanRecord& record = span.record();
      record.set("http.request.method", request.method);
      record.set("url.path", split_target(request.target).path);
      record.set("url.scheme", std::string("http"));
      record.set("server.address", server.host);
      record.set("server.port", std::int64_t{server.port});
      record.set("network.protocol.version", request.protocol_version);
    }
    DemoResponse response;
    try {
      response = inner(request);
    } catch (const std::exception& error) {
      // The server answers 500; the span says so before the exception leaves it.
      if (span.recording()) {
        finish_server_span(span.record(), 500);
        span.record().status_message = error.what();
      }
      throw;
    }
    if (span.recording()) finish_server_span(span.record(), response.status);
    return response;
  };
}

void name_server_span_after_route(std::string_view method, std::string_view route) {
  SpanRecord* span = current_server_span();
  if (span == nullptr) return;
  span->name = std::string(method) + " " + std::string(route);
  span->set("http.route", std::string(route));
}

}  // namespace glassbox::probes::demo
