#include "probes/demo/otlp_exporter.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "probes/http/http_client.hpp"

namespace glassbox::probes::demo {
namespace {

constexpr std::chrono::milliseconds kFirstBackoff{100};
// Connection-level failures (refused, reset, timeout) are retried by the HTTP client itself.
constexpr int kConnectionRetries = 2;

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

bool is_retryable(const HttpResponse& response) {
  // The OTLP/HTTP specification's retryable answers: the receiver is busy or a proxy is.
  if (response.error != ErrorKind::None) return false;
  const int status = response.status;
  return status == 429 || status == 502 || status == 503 || status == 504;
}

// Retry-After in delta-seconds; an HTTP-date (or anything else) gives nullopt, and the
// backoff applies instead.
std::optional<std::chrono::milliseconds> retry_after(const Headers& headers) {
  for (const auto& [name, value] : headers) {
    if (!equals_ignoring_case(name, "retry-after")) continue;
    if (value.empty() || value.size() > 9 ||
        !std::all_of(value.begin(), value.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; })) {
      return std::nullopt;
    }
    return std::chrono::seconds(std::stol(value));
  }
  return std::nullopt;
}

std::string traces_url(std::string endpoint) {
  while (!endpoint.empty() && endpoint.back() == '/') endpoint.pop_back();
  return endpoint + "/v1/traces";
}

}  // namespace

Expected<std::unique_ptr<OtlpExporter>> OtlpExporter::start(ExporterOptions options) {
  if (!starts_with(options.endpoint, "http://") && !starts_with(options.endpoint, "https://")) {
    return Error(fmt::format("invalid OTLP endpoint '{}': the scheme must be http:// or https://",
                             options.endpoint));
  }
  if (options.max_batch == 0) options.max_batch = 1;
  std::unique_ptr<OtlpExporter> exporter(new OtlpExporter(std::move(options)));
  exporter->thread_ = std::thread([raw = exporter.get()] { raw->run(); });
  return exporter;
}

OtlpExporter::OtlpExporter(ExporterOptions options)
    : options_(std::move(options)),
      url_(traces_url(options_.endpoint)),
      client_(make_http_client(ClientOptions{})) {}

OtlpExporter::~OtlpExporter() { stop(); }

void OtlpExporter::submit(SpanRecord span) {
  std::lock_guard lock(mutex_);
  if (stopping_ || queue_.size() >= options_.max_queue) {
    ++stats_.dropped_spans;
    return;
  }
  queue_.push_back(std::move(span));
  if (queue_.size() == options_.max_batch) wake_.notify_one();
}

void OtlpExporter::stop() {
  std::lock_guard stop_lock(stop_mutex_);
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

ExporterStats OtlpExporter::stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

void OtlpExporter::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait_for(lock, options_.flush_interval,
                   [this] { return stopping_ || queue_.size() >= options_.max_batch; });
    // Everything queued goes out now, in batches; on stop this is the final flush.
    while (!queue_.empty()) {
      const std::size_t count = std::min(queue_.size(), options_.max_batch);
      std::vector<SpanRecord> batch(std::make_move_iterator(queue_.begin()),
                                    std::make_move_iterator(queue_.begin() + count));
      queue_.erase(queue_.begin(), queue_.begin() + count);
      lock.unlock();  // submit() must never wait for the network
      export_batch(batch);
      lock.lock();
    }
    if (stopping_) return;
  }
}

void OtlpExporter::export_batch(const std::vector<SpanRecord>& batch) {
  const std::string body = encode_export_request(batch, options_.resource);
  std::chrono::milliseconds backoff = kFirstBackoff;
  for (int attempt = 0;; ++attempt) {
    const HttpResponse response = post(body);
    const bool accepted = response.error == ErrorKind::None && response.status / 100 == 2;
    {
      std::lock_guard lock(mutex_);
      ++stats_.export_requests;
      if (accepted) stats_.exported_spans += batch.size();
      if (!accepted && (!is_retryable(response) || attempt >= options_.max_retries)) {
        stats_.dropped_spans += batch.size();
        return;
      }
    }
    if (accepted) return;
    const auto delay = std::min(retry_after(response.headers).value_or(backoff),
                                options_.max_retry_delay);
    backoff = std::min(backoff * 2, options_.max_retry_delay);
    // The exporter thread has nothing else to do meanwhile; requests keep being queued.
    if (delay.count() > 0) std::this_thread::sleep_for(delay);
  }
}

HttpResponse OtlpExporter::post(const std::string& body) {
  HttpRequest request;
  request.method = "POST";
  request.url = url_;
  request.headers = {{"Content-Type", "application/x-protobuf"}};
  request.body = body;
  request.timeout = options_.request_timeout;
  request.retry.retries = kConnectionRetries;
  request.retry.backoff = kFirstBackoff;
  HttpResponse result;
  client_->send(std::move(request), [&result](HttpResponse response) { result = std::move(response); });
  client_->run();
  return result;
}

}  // namespace glassbox::probes::demo
