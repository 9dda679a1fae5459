// Accumulates the measured requests of a load phase into a LoadResult: counters, the
// overall and per-request histograms and the timeline. Constant memory in the number of
// requests (the timeline grows with the run's length, one interval per `interval`).
// Not thread-safe: the driver's thread only.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "probes/http/http_client.hpp"
#include "reports/model/service_levels.hpp"
#include "suites/model/load_profile.hpp"

namespace glassbox::probes::detail {

using Clock = std::chrono::steady_clock;

struct Outcome {
  int status = 0;                       // 0 when the request failed
  ErrorKind error = ErrorKind::None;
  // From the moment a connection took the request to its end: what a tool that measures
  // from the actual send reports. Waiting for a free connection is not in it.
  Clock::duration service_time{};
};

class LoadRecorder final {
 public:
  // `result` outlives the recorder; request_keys[i] names request i in the per-request maps.
  // Open profiles place requests in the timeline by intended time and count late sends;
  // closed ones place them by completion.
  LoadRecorder(reports::LoadResult& result, const std::vector<std::string>& request_keys,
               Clock::time_point measure_start, std::chrono::milliseconds interval, suite::LoadModel model);

  // A measured request was handed to the client; `intended` is the send time the profile
  // planned (closed profiles: the moment it was handed over).
  void sent(Clock::time_point intended);
  void completed(std::size_t request, Clock::time_point intended, Clock::time_point done, Outcome outcome);
  // Sets duration_s: first intended send to last completion.
  void close();

  std::uint64_t errors() const { return result_.errors; }

 private:
  reports::LoadInterval& interval_at(Clock::time_point when);

  reports::LoadResult& result_;
  Clock::time_point measure_start_;
  std::chrono::nanoseconds interval_;
  suite::LoadModel model_;
  // Per request index, the entries of the per-request maps (map nodes do not move), so a
  // completion does not look a string up.
  struct PerRequest {
    reports::Histogram* latency;
    std::uint64_t* requests;
    std::uint64_t* errors;
  };
  std::vector<PerRequest> per_request_;
  std::uint64_t* ok_count_ = nullptr;   // statuses[200], the common case
  bool any_sent_ = false;
  Clock::time_point first_intended_;
  Clock::time_point last_done_;
};

}  // namespace glassbox::probes::detail
