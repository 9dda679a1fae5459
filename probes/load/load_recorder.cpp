#include "probes/load/load_recorder.hpp"

#include <algorithm>

namespace glassbox::probes::detail {
namespace {

std::uint64_t micros(Clock::duration d) {
  const auto us = std::chrono::duration_cast<std::chrono::microseconds>(d).count();
  return us > 0 ? static_cast<std::uint64_t>(us) : 0;
}

constexpr auto kLate = std::chrono::milliseconds(1);

}  // namespace

LoadRecorder::LoadRecorder(reports::LoadResult& result, const std::vector<std::string>& request_keys,
                           Clock::time_point measure_start, std::chrono::milliseconds interval,
                           suite::LoadModel model)
    : result_(result),
      measure_start_(measure_start),
      interval_(std::max(interval, std::chrono::milliseconds(1))),
      model_(model) {
  per_request_.reserve(request_keys.size());
  for (const std::string& key : request_keys) {
    per_request_.push_back(PerRequest{&result_.latency_by_request[key], &result_.requests_by_request[key],
                                      &result_.errors_by_request[key]});
  }
}

void LoadRecorder::sent(Clock::time_point intended) {
  if (!any_sent_ || intended < first_intended_) first_intended_ = intended;
  any_sent_ = true;
  ++result_.sent;
}

void LoadRecorder::completed(std::size_t request, Clock::time_point intended, Clock::time_point done,
                             Outcome outcome) {
  const bool open = model_ == suite::LoadModel::Open;
  const std::uint64_t latency = micros(done - intended);
  // The request went on the wire when a connection took it; behind the plan when the
  // driver fell behind or every connection was busy.
  if (open && (done - outcome.service_time) - intended > kLate) ++result_.late;
  const bool failed = outcome.error != ErrorKind::None;
  const bool error = failed || outcome.status >= 500;

  ++result_.completed;
  if (outcome.status == 200 && !failed) {
    if (ok_count_ == nullptr) ok_count_ = &result_.statuses[200];
    ++*ok_count_;
  } else {
    ++result_.statuses[failed ? 0 : outcome.status];
  }
  if (error) ++result_.errors;
  if (failed) {
    ++result_.transport_errors;
    ++result_.error_kinds[std::string(to_string(outcome.error))];
  }
  result_.latency.record(latency);
  result_.service_time.record(micros(outcome.service_time));

  PerRequest& mine = per_request_[request];
  mine.latency->record(latency);
  ++*mine.requests;
  if (error) ++*mine.errors;

  reports::LoadInterval& slot = interval_at(open ? intended : done);
  ++slot.requests;
  if (error) ++slot.errors;
  slot.latency.record(latency);

  if (done > last_done_) last_done_ = done;
}

reports::LoadInterval& LoadRecorder::interval_at(Clock::time_point when) {
  const auto offset = std::max(Clock::duration::zero(), when - measure_start_);
  const auto index = static_cast<std::size_t>(offset / interval_);
  while (result_.timeline.size() <= index) {
    reports::LoadInterval next;
    next.start_s = std::chrono::duration<double>(interval_ * result_.timeline.size()).count();
    result_.timeline.push_back(std::move(next));
  }
  return result_.timeline[index];
}

void LoadRecorder::close() {
  if (!any_sent_ || result_.completed == 0) return;
  result_.duration_s = std::chrono::duration<double>(last_done_ - first_intended_).count();
}

}  // namespace glassbox::probes::detail
