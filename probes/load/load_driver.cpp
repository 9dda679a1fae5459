// The load driver's event loop: everything runs on the thread that calls run_load, inside
// the HTTP client's run(); sends, completions, the open profile's send timer and the
// progress tick are all callbacks there, so the driver needs no locks.
#include "probes/load/load_driver.hpp"

#include <algorithm>
#include <optional>
#include <utility>

#include "probes/load/arrival_schedule.hpp"
#include "probes/load/load_recorder.hpp"
#include "probes/load/weighted_picker.hpp"

namespace glassbox::probes {
namespace {

using detail::ArrivalSchedule;
using detail::Clock;
using suite::LoadModel;

constexpr auto kTick = std::chrono::milliseconds(250);

double seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

// A request in flight. Slots are reused, so the number of them is the peak in flight.
struct InFlight {
  Clock::time_point intended;
  std::uint32_t request = 0;
  bool measured = false;
};

class LoadDriver final {
 public:
  explicit LoadDriver(const LoadPlan& plan);
  reports::LoadResult run();

 private:
  // What a load request becomes on the wire: no retries, unsampled, status only.
  static HttpRequest prepared(const LoadRequest& load, const suite::LoadProfile& profile);

  void send(Clock::time_point intended, bool measured);
  void on_response(std::uint32_t slot, const HttpResponse& response);
  void next_closed();
  void pump_open();
  void arm_send_timer(Clock::time_point when);
  void tick();
  void report_progress(Clock::time_point now);
  bool interrupt_requested() const;
  void stop_for_interrupt();
  void finish_if_done();

  const LoadPlan& plan_;
  const suite::LoadProfile& profile_;
  std::vector<HttpRequest> requests_;
  detail::WeightedPicker picker_;
  reports::LoadResult result_;
  std::unique_ptr<HttpClient> client_;
  Clock::time_point start_;
  Clock::time_point measure_start_;
  std::optional<detail::LoadRecorder> recorder_;

  std::vector<InFlight> slots_;
  std::vector<std::uint32_t> free_slots_;
  std::size_t in_flight_ = 0;

  // closed
  std::optional<Clock::time_point> closed_deadline_;
  // open
  std::optional<ArrivalSchedule> warmup_schedule_;
  ArrivalSchedule schedule_;
  bool in_warmup_ = false;
  std::optional<Clock::time_point> next_due_;
  bool send_timer_armed_ = false;
  bool blocked_ = false;   // max_in_flight reached: completions resume sending

  bool sending_done_ = false;
  bool stopping_ = false;   // interrupted
  bool finished_ = false;
  std::uint64_t completed_at_last_tick_ = 0;
  Clock::time_point last_tick_;
  std::uint64_t next_tick_ = 1;
};

std::vector<double> weights_of(const std::vector<LoadRequest>& requests) {
  std::vector<double> weights;
  weights.reserve(requests.size());
  for (const LoadRequest& request : requests) weights.push_back(request.weight);
  return weights;
}

std::vector<std::string> keys_of(const std::vector<LoadRequest>& requests) {
  std::vector<std::string> keys;
  keys.reserve(requests.size());
  for (const LoadRequest& request : requests) keys.push_back(request.key);
  return keys;
}

LoadDriver::LoadDriver(const LoadPlan& plan)
    : plan_(plan),
      profile_(plan.profile),
      picker_(weights_of(plan.requests)),
      schedule_(ArrivalSchedule::of_stages(plan.profile)) {
  requests_.reserve(plan.requests.size());
  for (const LoadRequest& load : plan.requests) requests_.push_back(prepared(load, profile_));
  result_.suite = plan.suite;
  result_.profile = profile_.describe();
  result_.model = profile_.model == LoadModel::Closed ? "closed" : "open";
  if (profile_.model == LoadModel::Open) {
    result_.planned_rate = profile_.start_rate;
    for (const suite::LoadStage& stage : profile_.stages) result_.planned_rate = std::max(result_.planned_rate, stage.rate);
  }
}

HttpRequest LoadDriver::prepared(const LoadRequest& load, const suite::LoadProfile& profile) {
  HttpRequest request = load.request;
  request.trace_id.clear();   // the client draws a fresh one per send
  request.sampled = false;
  request.retry = Retry{};
  request.keep = HttpRequest::Keep::StatusOnly;
  if (profile.timeout_ms) request.timeout = std::chrono::milliseconds(*profile.timeout_ms);
  return request;
}

reports::LoadResult LoadDriver::run() {
  const bool closed = profile_.model == LoadModel::Closed;
  if (picker_.empty() || (closed && !profile_.duration && !profile_.count)) return std::move(result_);

  ClientOptions options = plan_.client;
  options.max_connections_per_host =
      static_cast<std::size_t>(std::max(1, closed ? profile_.workers : profile_.connections));
  client_ = make_http_client(options);

  start_ = Clock::now();
  last_tick_ = start_;
  measure_start_ = start_ + profile_.warmup;
  recorder_.emplace(result_, keys_of(plan_.requests), measure_start_, plan_.interval, profile_.model);
  client_->post_at(start_ + kTick, [this] { tick(); });

  if (closed) {
    if (profile_.duration) closed_deadline_ = measure_start_ + *profile_.duration;
    for (int worker = 0; worker < std::max(1, profile_.workers); ++worker) next_closed();
  } else {
    if (profile_.warmup.count() > 0) {
      // The warmup runs at the rate the measured part starts with (the first stage's when
      // that is 0), so connections and caches are warm for it.
      double rate = profile_.rate_at(std::chrono::nanoseconds(0));
      if (rate <= 0 && !profile_.stages.empty()) rate = profile_.stages.front().rate;
      warmup_schedule_.emplace(std::vector<ArrivalSchedule::Segment>{{rate, rate, profile_.warmup}});
      in_warmup_ = true;
    }
    const auto first = in_warmup_ ? warmup_schedule_->next() : std::nullopt;
    if (first) {
      next_due_ = start_ + *first;
    } else {
      in_warmup_ = false;
      if (const auto offset = schedule_.next()) next_due_ = measure_start_ + *offset;
    }
    pump_open();
  }
  finish_if_done();
  client_->run();

  recorder_->close();
  report_progress(Clock::now());
  return std::move(result_);
}

void LoadDriver::send(Clock::time_point intended, bool measured) {
  std::uint32_t slot = 0;
  if (free_slots_.empty()) {
    slot = static_cast<std::uint32_t>(slots_.size());
    slots_.emplace_back();
  } else {
    slot = free_slots_.back();
    free_slots_.pop_back();
  }
  InFlight& flight = slots_[slot];
  flight.intended = intended;
  flight.request = static_cast<std::uint32_t>(picker_.next());
  flight.measured = measured;
  if (measured) recorder_->sent(intended);
  ++in_flight_;
  // [this, slot] fits std::function's small buffer: no allocation for the callback.
  client_->send(requests_[flight.request], [this, slot](HttpResponse response) { on_response(slot, response); });
}

void LoadDriver::on_response(std::uint32_t slot, const HttpResponse& response) {
  const Clock::time_point done = Clock::now();
  const InFlight flight = slots_[slot];
  free_slots_.push_back(slot);
  --in_flight_;
  // Requests cut short by an interrupt measured nothing.
  const bool cut_short = stopping_ && response.error == ErrorKind::Cancelled;
  if (flight.measured && !cut_short) {
    const std::chrono::duration<double, std::milli> on_the_wire(response.latency_ms);
    recorder_->completed(flight.request, flight.intended, done,
                         detail::Outcome{response.status, response.error,
                                         std::chrono::duration_cast<Clock::duration>(on_the_wire)});
  }
  if (profile_.model == LoadModel::Closed) {
    next_closed();
  } else if (blocked_) {
    pump_open();
  }
  finish_if_done();
}

// One worker's next request, or its end.
void LoadDriver::next_closed() {
  if (sending_done_) return;
  if (interrupt_requested()) {
    stop_for_interrupt();
    return;
  }
  const Clock::time_point now = Clock::now();
  const bool measured = now >= measure_start_;
  if (measured) {
    if ((closed_deadline_ && now >= *closed_deadline_) || (profile_.count && result_.sent >= *profile_.count)) {
      sending_done_ = true;
      return;
    }
  }
  send(now, measured);
}

// Sends every request that is due, then sleeps until the next one.
void LoadDriver::pump_open() {
  if (sending_done_) return;
  const std::size_t limit = static_cast<std::size_t>(std::max(1, profile_.max_in_flight));
  Clock::time_point now = Clock::now();
  while (next_due_ && *next_due_ <= now) {
    if (interrupt_requested()) {
      stop_for_interrupt();
      return;
    }
    if (in_flight_ >= limit) {
      blocked_ = true;   // the due time stays: its latency keeps counting from it
      return;
    }
    blocked_ = false;
    send(*next_due_, !in_warmup_);
    next_due_.reset();
    if (in_warmup_) {
      if (const auto offset = warmup_schedule_->next()) {
        next_due_ = start_ + *offset;
      } else {
        in_warmup_ = false;
      }
    }
    if (!in_warmup_ && !next_due_) {
      if (const auto offset = schedule_.next()) next_due_ = measure_start_ + *offset;
    }
    now = Clock::now();
  }
  blocked_ = false;
  if (!next_due_) {
    sending_done_ = true;
    return;
  }
  arm_send_timer(*next_due_);
}

void LoadDriver::arm_send_timer(Clock::time_point when) {
  // One timer at a time; an armed one is never later than the next due send, because due
  // times only move forward.
  if (send_timer_armed_) return;
  send_timer_armed_ = true;
  client_->post_at(when, [this] {
    send_timer_armed_ = false;
    pump_open();
    finish_if_done();
  });
}

void LoadDriver::tick() {
  if (finished_) return;
  if (interrupt_requested()) {
    stop_for_interrupt();
    return;
  }
  const Clock::time_point now = Clock::now();
  report_progress(now);
  client_->post_at(start_ + kTick * ++next_tick_, [this] { tick(); });
}

void LoadDriver::report_progress(Clock::time_point now) {
  if (!plan_.on_progress) return;
  LoadProgress progress;
  progress.elapsed_s = seconds(now - start_);
  if (const auto planned = profile_.planned_duration()) progress.planned_s = seconds(profile_.warmup + *planned);
  progress.sent = result_.sent;
  progress.completed = result_.completed;
  progress.errors = result_.errors;
  const double window = seconds(now - last_tick_);
  if (window > 0) progress.current_rate = static_cast<double>(result_.completed - completed_at_last_tick_) / window;
  progress.p99_us = result_.latency.quantile(0.99);
  completed_at_last_tick_ = result_.completed;
  last_tick_ = now;
  plan_.on_progress(progress);
}

bool LoadDriver::interrupt_requested() const {
  return plan_.interrupted != nullptr && plan_.interrupted->load(std::memory_order_relaxed);
}

void LoadDriver::stop_for_interrupt() {
  if (stopping_) return;
  stopping_ = true;
  sending_done_ = true;
  finished_ = true;
  result_.interrupted = true;
  // Fails what is in flight with Cancelled and drops the pending timers, so run() returns.
  client_->cancel();
}

void LoadDriver::finish_if_done() {
  if (finished_ || !sending_done_ || in_flight_ != 0) return;
  finished_ = true;
  // Nothing is in flight; this only drops the tick and send timers so run() returns now.
  client_->cancel();
}

}  // namespace

reports::LoadResult run_load(const LoadPlan& plan) {
  LoadDriver driver(plan);
  return driver.run();
}

}  // namespace glassbox::probes
