// See polling.hpp.
#include "probes/traces/polling.hpp"

#include <algorithm>
#include <memory>
#include <thread>

#include <fmt/format.h>

namespace glassbox::probes {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::chrono::milliseconds kMinRequestTimeout{250};
constexpr std::chrono::milliseconds kMaxRequestTimeout{10000};
constexpr std::size_t kMaxErrorBodyChars = 200;

struct TraceState {
  FetchedTrace result;
  // Sorted span ids of the last successful poll: a trace is stable when two polls in a
  // row return the same set (the backend has stopped receiving spans for it).
  std::vector<std::string> last_span_ids;
  bool polled_successfully = false;
};

// The first line of a body, trimmed and bounded, for bodies that are not the backend's JSON.
std::string first_line(std::string_view body) {
  const auto end = body.find_first_of("\r\n");
  std::string_view line = body.substr(0, end);
  while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
  while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
  std::string text(line.substr(0, kMaxErrorBodyChars));
  if (line.size() > kMaxErrorBodyChars) text += "...";
  return text;
}

std::vector<std::string> sorted_span_ids(const std::vector<Span>& spans) {
  std::vector<std::string> ids;
  ids.reserve(spans.size());
  for (const Span& span : spans) ids.push_back(span.span_id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

class Poller final {
 public:
  Poller(const TraceBackend& backend, const std::vector<std::string>& known_parents,
         const TraceQueryOptions& options)
      : backend_(backend),
        known_parents_(known_parents.begin(), known_parents.end()),
        options_(options),
        deadline_(Clock::now() + options.deadline) {
    ClientOptions client_options;
    client_options.verify_tls = options.verify_tls;
    client_options.max_connections_per_host = static_cast<std::size_t>(std::max(1, options.concurrency));
    client_ = make_http_client(client_options);
  }

  std::map<std::string, FetchedTrace> run(const std::vector<std::string>& trace_ids) {
    for (const auto& id : trace_ids) states_.try_emplace(id);
    int round = 0;
    while (true) {
      std::vector<std::string> incomplete;
      for (const auto& [id, state] : states_) {
        if (!state.result.complete) incomplete.push_back(id);
      }
      // The first round runs whatever the clock says: making the client (loading the
      // system's CA store) can take a short deadline's worth of time on its own.
      if (incomplete.empty() || (round > 0 && Clock::now() >= deadline_)) break;
      ++round;
      run_round(incomplete);
      if (all_complete() || Clock::now() + options_.poll_interval >= deadline_) break;
      std::this_thread::sleep_for(options_.poll_interval);
    }
    std::map<std::string, FetchedTrace> results;
    for (auto& [id, state] : states_) results.emplace(id, std::move(state.result));
    return results;
  }

 private:
  bool all_complete() const {
    return std::all_of(states_.begin(), states_.end(), [](const auto& entry) { return entry.second.result.complete; });
  }

  void run_round(const std::vector<std::string>& ids) {
    std::size_t next = 0;
    int in_flight = 0;
    const int limit = std::max(1, options_.concurrency);
    // Each answer frees a slot for the next id, so at most `limit` requests are in flight.
    std::function<void()> send_more = [&] {
      while (in_flight < limit && next < ids.size()) {
        const std::string& id = ids[next++];
        ++in_flight;
        client_->send(request_for(id), [&, id](HttpResponse response) {
          --in_flight;
          record(states_[id], response);
          send_more();
        });
      }
    };
    send_more();
    client_->run();
  }

  HttpRequest request_for(const std::string& trace_id) const {
    HttpRequest request;
    request.url = backend_.url(trace_id);
    request.headers = backend_.headers;
    const auto remaining = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now());
    // A floor, so that a poll sent just before the deadline can still be answered: the
    // fetch may overrun its deadline by up to kMinRequestTimeout, rather than end with a
    // timeout that says nothing about the backend.
    request.timeout = std::clamp(remaining, kMinRequestTimeout, kMaxRequestTimeout);
    request.verify_tls = options_.verify_tls;
    // No trace_id: the query gets a fresh trace of its own, so a backend that traces its
    // own API does not add spans to the trace being fetched.
    return request;
  }

  void record(TraceState& state, const HttpResponse& response) {
    FetchedTrace& result = state.result;
    ++result.polls;
    if (response.error != ErrorKind::None) {
      result.error = fmt::format("{}: {}", backend_.kind, response.error_message);
      return;
    }
    if (response.status != 200) {
      std::string message = backend_.error_message ? backend_.error_message(response.body) : std::string();
      if (message.empty()) message = first_line(response.body);
      result.error = message.empty() ? fmt::format("{}: {}", backend_.kind, response.status)
                                     : fmt::format("{}: {} {}", backend_.kind, response.status, message);
      return;
    }
    auto spans = backend_.decode(response.body);
    if (!spans) {
      result.error = fmt::format("{}: {}", backend_.kind, spans.error().message);
      return;
    }
    auto span_ids = sorted_span_ids(*spans);
    const bool stable = state.polled_successfully && span_ids == state.last_span_ids;
    result.spans = std::move(*spans);
    result.error.clear();
    result.complete = stable && parents_present(result.spans, known_parents_);
    state.last_span_ids = std::move(span_ids);
    state.polled_successfully = true;
  }

  const TraceBackend& backend_;
  const std::set<std::string> known_parents_;
  const TraceQueryOptions& options_;
  const Clock::time_point deadline_;
  std::unique_ptr<HttpClient> client_;
  std::map<std::string, TraceState> states_;
};

}  // namespace

bool parents_present(const std::vector<Span>& spans, const std::set<std::string>& known_parents) {
  if (spans.empty()) return false;
  std::set<std::string> present;
  for (const Span& span : spans) present.insert(span.span_id);
  return std::all_of(spans.begin(), spans.end(), [&](const Span& span) {
    return span.parent_span_id.empty() || present.count(span.parent_span_id) != 0 ||
           known_parents.count(span.parent_span_id) != 0;
  });
}

std::map<std::string, FetchedTrace> poll_traces(const TraceBackend& backend,
                                                const std::vector<std::string>& trace_ids,
                                                const std::vector<std::string>& known_parents,
                                                const TraceQueryOptions& options) {
  return Poller(backend, known_parents, options).run(trace_ids);
}

}  // namespace glassbox::probes
