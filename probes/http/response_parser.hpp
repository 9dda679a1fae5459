// Private to probes/http (connection.cpp): an HTTP/1.1 response parser that writes the
// status, headers and body straight into the exchange's HttpResponse, rather than into a
// Beast message that would then be copied field by field. With HttpRequest::Keep::StatusOnly
// it keeps only the status, so a load request's answer costs no allocation at all.
// One parser per response (Beast parsers are single-use); constructing one allocates nothing.
//
// Threading: used by one connection on the client's thread.
#pragma once

#include <cstdint>

#include <boost/beast/http/basic_parser.hpp>

#include "probes/http/http_client.hpp"

namespace glassbox::probes::detail {

class ResponseParser final : public boost::beast::http::basic_parser<false> {
 public:
  using string_view = boost::beast::string_view;
  using error_code = boost::beast::error_code;

  // `into` must be empty (headers and body) and outlive the parser.
  ResponseParser(HttpResponse& into, HttpRequest::Keep keep) : into_(into), keep_(keep == HttpRequest::Keep::Full) {}

  int status() const { return status_; }

 private:
  void on_request_impl(boost::beast::http::verb, string_view, string_view, int, error_code&) override {}
  void on_response_impl(int code, string_view, int, error_code&) override { status_ = code; }
  void on_field_impl(boost::beast::http::field, string_view name, string_view value, error_code&) override {
    if (keep_) into_.headers.emplace_back(name, value);
  }
  void on_header_impl(error_code&) override {}
  void on_body_init_impl(const boost::optional<std::uint64_t>& length, error_code&) override {
    // The body limit was checked against the length before this is called.
    if (keep_ && length) into_.body.reserve(static_cast<std::size_t>(*length));
  }
  std::size_t on_body_impl(string_view body, error_code&) override {
    if (keep_) into_.body.append(body.data(), body.size());
    return body.size();
  }
  void on_chunk_header_impl(std::uint64_t, string_view, error_code&) override {}
  std::size_t on_chunk_body_impl(std::uint64_t, string_view body, error_code&) override {
    if (keep_) into_.body.append(body.data(), body.size());
    return body.size();
  }
  void on_finish_impl(error_code&) override {}

  HttpResponse& into_;
  bool keep_;
  int status_ = 0;
};

}  // namespace glassbox::probes::detail
