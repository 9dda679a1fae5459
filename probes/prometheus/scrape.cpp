// One-off GETs over the probe's HTTP client; the query API's JSON is read with nlohmann-json,
// whose exceptions stop here.
#include "probes/prometheus/scrape.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "probes/http/http_client.hpp"

namespace glassbox::prometheus {
namespace {

// Runs one request to completion on this thread.
probes::HttpResponse get(const std::string& url, probes::Headers headers, const FetchOptions& options) {
  probes::ClientOptions client_options;
  client_options.verify_tls = options.verify_tls;
  client_options.max_connections_per_host = 1;
  auto client = probes::make_http_client(client_options);
  probes::HttpRequest request;
  request.url = url;
  request.headers = std::move(headers);
  request.timeout = options.timeout;
  request.verify_tls = options.verify_tls;
  probes::HttpResponse result;
  client->send(std::move(request), [&result](probes::HttpResponse response) { result = std::move(response); });
  client->run();
  return result;
}

std::string header(const probes::Headers& headers, std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (std::equal(key.begin(), key.end(), name.begin(), name.end(),
                   [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b)); })) {
      return value;
    }
  }
  return "";
}

// Prometheus writes sample values as strings so that NaN and ±Inf survive JSON.
Expected<InstantSample> sample_from(const nlohmann::json& labels, const nlohmann::json& pair) {
  if (!pair.is_array() || pair.size() != 2 || !pair[0].is_number() || !pair[1].is_string()) {
    return Error("prometheus query answer has a value that is not [time, \"value\"]");
  }
  InstantSample sample;
  const auto value = parse_float(pair[1].get<std::string>());
  if (!value) return Error(fmt::format("prometheus query answer has a value '{}' that is not a number", pair[1].get<std::string>()));
  sample.value = *value;
  sample.timestamp_seconds = pair[0].get<double>();
  if (labels.is_object()) {
    for (const auto& [name, text] : labels.items()) {
      if (text.is_string()) sample.labels.emplace_back(name, text.get<std::string>());
    }
    std::sort(sample.labels.begin(), sample.labels.end());
  }
  return sample;
}

Expected<std::vector<InstantSample>> decode_json(int http_status, const nlohmann::json& answer) {
  if (!answer.is_object() || !answer.contains("status")) {
    return Error(fmt::format("prometheus query answered HTTP {} without a status field", http_status));
  }
  if (answer.value("status", "") != "success") {
    return Error(fmt::format("prometheus query failed ({}): {}", answer.value("errorType", "unknown"),
                             answer.value("error", "no error message")));
  }
  const nlohmann::json& data = answer.contains("data") ? answer["data"] : nlohmann::json();
  const std::string type = data.is_object() ? data.value("resultType", "") : "";
  std::vector<InstantSample> samples;
  if (type == "scalar") {
    auto sample = sample_from(nlohmann::json::object(), data["result"]);
    if (!sample) return sample.error();
    samples.push_back(std::move(*sample));
    return samples;
  }
  if (type != "vector") {
    return Error(fmt::format("prometheus query returned a {} result; an instant vector or scalar is needed",
                             type.empty() ? "missing" : type));
  }
  if (!data.contains("result") || !data["result"].is_array()) return Error("prometheus query answer has no result list");
  for (const auto& series : data["result"]) {
    if (!series.is_object()) return Error("prometheus query answer has a series that is not an object");
    auto sample = sample_from(series.contains("metric") ? series["metric"] : nlohmann::json(),
                              series.contains("value") ? series["value"] : nlohmann::json());
    if (!sample) return sample.error();
    samples.push_back(std::move(*sample));
  }
  return samples;
}

}  // namespace

std::string percent_encode(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += c;
    } else {
      out += fmt::format("%{:02X}", byte);
    }
  }
  return out;
}

Expected<Scrape> scrape_metrics(const std::string& url, const FetchOptions& options) {
  const probes::HttpResponse response = get(
      url,
      {{"Accept", "application/openmetrics-text;version=1.0.0;q=0.9,text/plain;version=0.0.4;q=0.5,*/*;q=0.1"}},
      options);
  if (response.error != probes::ErrorKind::None) return Error(fmt::format("scrape {}: {}", url, response.error_message));
  if (response.status != 200) return Error(fmt::format("scrape {}: answered HTTP {}", url, response.status));
  Scrape scrape;
  scrape.taken_at = std::chrono::system_clock::now();
  scrape.format = format_from_content_type(header(response.headers, "Content-Type"));
  auto parsed = parse_exposition(response.body, scrape.format);
  if (!parsed) return Error(fmt::format("scrape {}: {}", url, parsed.error().message));
  scrape.exposition = std::move(*parsed);
  return scrape;
}

Expected<std::vector<InstantSample>> decode_query_response(int http_status, std::string_view body) {
  const nlohmann::json answer = nlohmann::json::parse(body, nullptr, false);
  if (answer.is_discarded()) {
    const std::string_view first_line = body.substr(0, std::min(body.find('\n'), std::size_t{200}));
    return Error(fmt::format("prometheus query answered HTTP {} with a body that is not JSON: {}", http_status, first_line));
  }
  try {
    return decode_json(http_status, answer);
  } catch (const nlohmann::json::exception& error) {   // a field of an unexpected JSON type
    return Error(fmt::format("prometheus query answer is malformed: {}", error.what()));
  }
}

Expected<std::vector<InstantSample>> query_instant(const std::string& base_url, const std::string& promql,
                                                   std::optional<double> time_seconds, const FetchOptions& options) {
  std::string url = base_url;
  while (!url.empty() && url.back() == '/') url.pop_back();
  url += "/api/v1/query?query=" + percent_encode(promql);
  if (time_seconds) url += "&time=" + percent_encode(fmt::format("{:.3f}", *time_seconds));
  const probes::HttpResponse response = get(url, {{"Accept", "application/json"}}, options);
  if (response.error != probes::ErrorKind::None) return Error(fmt::format("query {}: {}", url, response.error_message));
  return decode_query_response(response.status, response.body);
}

}  // namespace glassbox::prometheus
