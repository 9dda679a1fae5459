// Small helpers for driving the probe client in tests.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "probes/http/http_client.hpp"

namespace glassbox::probes::testing {

inline HttpRequest get(std::string url) {
  HttpRequest request;
  request.url = std::move(url);
  request.timeout = std::chrono::milliseconds(5000);
  return request;
}

// Sends every request at once through one client, runs it, and returns the responses in
// request order.
inline std::vector<HttpResponse> fetch_all(std::vector<HttpRequest> requests, const ClientOptions& options = {}) {
  auto client = make_http_client(options);
  std::vector<HttpResponse> responses(requests.size());
  for (std::size_t i = 0; i < requests.size(); ++i) {
    client->send(std::move(requests[i]), [&responses, i](HttpResponse response) { responses[i] = std::move(response); });
  }
  client->run();
  return responses;
}

inline HttpResponse fetch(HttpRequest request, const ClientOptions& options = {}) {
  std::vector<HttpRequest> one;
  one.push_back(std::move(request));
  return std::move(fetch_all(std::move(one), options).front());
}

}  // namespace glassbox::probes::testing
