// The `load` section (top level and per environment): how the load phase drives the targets,
// closed (N workers) or open (an arrival rate, constant or ramping through stages), and which
// requests' valid cases it sends (docs/suite-format.md "`load`").
//
// Thread-safety: one Context per load, used by one thread.
#include <algorithm>
#include <climits>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "suites/loader/did_you_mean.hpp"
#include "suites/loader/parts.hpp"
#include "suites/loader/quantities.hpp"

namespace glassbox::loader::detail {

namespace {

using suite::LoadModel;
using suite::LoadProfile;
using suite::LoadStage;

const Keys kLoadKeys = {"requests", "closed", "open", "max_in_flight", "timeout", "warmup"};
const Keys kClosedKeys = {"workers", "duration", "count"};
const Keys kOpenKeys = {"rate", "duration", "connections", "start_rate", "stages"};
const Keys kStageKeys = {"rate", "duration"};
constexpr int kMostWorkers = 100000;

// The captured value a request's templates use, if any: such a request is a later step of a
// multi-step case and has nothing to send on its own.
std::optional<std::string> captured_value(const Context& ctx, const suite::Suite& suite,
                                          const suite::Request& request) {
  for (const std::string& name : request.referenced_inputs()) {
    bool captured = std::find(ctx.capture_names.begin(), ctx.capture_names.end(), name) != ctx.capture_names.end();
    if (captured && !suite.find_input(name)) return name;
  }
  return std::nullopt;
}

Status check_request(Context& ctx, const suite::Suite& suite, const YAML::Node& node, const std::string& name) {
  const suite::Request* request = suite.find_request(name);
  if (!request) {
    std::vector<std::string> names;
    for (const suite::Request& r : suite.requests) names.push_back(r.name);
    return ctx.error(node, fmt::format("unknown request '{}' in 'load'{}", name, name_hint(name, names, "requests")));
  }
  if (auto captured = captured_value(ctx, suite, *request)) {
    return ctx.error(node, fmt::format("request '{}' uses the captured value '{}', so it cannot run alone in the load "
                                       "phase",
                                       name, *captured));
  }
  return ok_status();
}

Expected<std::vector<std::pair<std::string, double>>> load_requests_weights(Context& ctx, const Entry& entry,
                                                                            const suite::Suite& suite) {
  std::vector<std::pair<std::string, double>> out;
  auto listed = [&](const std::string& name) {
    return std::any_of(out.begin(), out.end(), [&](const auto& p) { return p.first == name; });
  };
  if (entry.value.IsMap()) {
    LOADER_ASSIGN(auto weights, map_entries(ctx, entry));
    for (const Entry& e : weights) {
      LOADER_TRY(check_request(ctx, suite, e.key_node, e.key));
      LOADER_ASSIGN(double weight, read_number(ctx, e));
      if (weight <= 0)
        return error_at(ctx, e, fmt::format("the weight of request '{}' must be more than 0, got {}", e.key, weight));
      out.emplace_back(e.key, weight);
    }
  } else {
    LOADER_ASSIGN(auto items, list_items(ctx, entry, Single::Allowed));
    for (const Entry& item : items) {
      LOADER_ASSIGN(std::string name, read_nonempty_string(ctx, item));
      LOADER_TRY(check_request(ctx, suite, item.value, name));
      if (listed(name)) return error_at(ctx, item, fmt::format("'requests' of 'load' lists '{}' twice", name));
      out.emplace_back(name, 1.0);
    }
  }
  if (out.empty()) return error_at(ctx, entry, "'requests' of 'load' needs at least one request");
  return out;
}

Status load_closed(Context& ctx, const Entry& entry, LoadProfile& profile) {
  LOADER_ASSIGN(Fields fields, Fields::open(ctx, entry, "'closed'", "in 'closed' of 'load'", kClosedKeys));
  profile.model = LoadModel::Closed;
  if (const Entry* workers = fields.find("workers"))
    LOADER_SET(profile.workers, read_int_in(ctx, *workers, 1, kMostWorkers));
  if (const Entry* duration = fields.find("duration")) LOADER_SET(profile.duration, read_duration(ctx, *duration));
  if (const Entry* count = fields.find("count")) {
    LOADER_ASSIGN(std::int64_t n, read_int(ctx, *count));
    if (n < 1) return error_at(ctx, *count, fmt::format("'count' must be at least 1, got {}", n));
    profile.count = static_cast<std::uint64_t>(n);
  }
  if (!profile.duration && !profile.count) {
    return error_at(ctx, entry, "'closed' needs 'duration' or 'count' (or both: it stops at whichever comes first)");
  }
  return ok_status();
}

Expected<std::vector<LoadStage>> load_stages(Context& ctx, const Entry& entry) {
  LOADER_ASSIGN(auto items, list_items(ctx, entry));
  if (items.empty())
    return error_at(ctx, entry, "'stages' needs at least one stage, e.g. [{rate: 100/s, duration: 10s}]");
  std::vector<LoadStage> stages;
  for (const Entry& item : items) {
    LOADER_ASSIGN(Fields fields, Fields::open(ctx, item, "a stage", "in a stage of 'open'", kStageKeys));
    const Entry* rate = fields.find("rate");
    const Entry* duration = fields.find("duration");
    if (!rate || !duration)
      return error_at(ctx, item, "a stage needs 'rate' and 'duration', e.g. {rate: 100/s, duration: 10s}");
    LoadStage stage;
    LOADER_SET(stage.rate, read_rate(ctx, *rate, Zero::Allowed));
    LOADER_SET(stage.duration, read_duration(ctx, *duration));
    stages.push_back(stage);
  }
  return stages;
}

Status load_open(Context& ctx, const Entry& entry, LoadProfile& profile) {
  LOADER_ASSIGN(Fields fields, Fields::open(ctx, entry, "'open'", "in 'open' of 'load'", kOpenKeys));
  profile.model = LoadModel::Open;
  const Entry* rate = fields.find("rate");
  const Entry* duration = fields.find("duration");
  const Entry* stages = fields.find("stages");
  const Entry* start_rate = fields.find("start_rate");
  if (const Entry* connections = fields.find("connections"))
    LOADER_SET(profile.connections, read_int_in(ctx, *connections, 1, kMostWorkers));
  if (rate && stages) {
    return ctx.error(stages->key_node,
                     "'open' has both 'rate' and 'stages': a constant rate is 'rate' and 'duration', "
                     "a ramp is 'stages'");
  }
  if (rate) {
    if (!duration)
      return error_at(ctx, entry, "'open' with 'rate' needs 'duration', e.g. {rate: 200/s, duration: 30s}");
    if (start_rate) return ctx.error(start_rate->key_node, "'start_rate' applies to 'stages' (a ramp)");
    LoadStage stage;
    LOADER_SET(stage.rate, read_rate(ctx, *rate));
    LOADER_SET(stage.duration, read_duration(ctx, *duration));
    profile.start_rate = stage.rate;
    profile.stages = {stage};
    return ok_status();
  }
  if (!stages) {
    return error_at(ctx, entry, "'open' needs 'rate' and 'duration' (a constant rate) or 'stages' (a ramp)");
  }
  if (duration)
    return ctx.error(duration->key_node,
                     "'duration' applies to a constant 'rate'; with 'stages' each stage has its own");
  if (start_rate) LOADER_SET(profile.start_rate, read_rate(ctx, *start_rate, Zero::Allowed));
  LOADER_SET(profile.stages, load_stages(ctx, *stages));
  bool sends = std::any_of(profile.stages.begin(), profile.stages.end(), [](const LoadStage& s) { return s.rate > 0; });
  if (!sends) return error_at(ctx, *stages, "every stage of 'open' has rate 0, so nothing would be sent");
  return ok_status();
}

// The model's keys written one level too high are a common slip; say where they go.
Status check_misplaced_keys(Context& ctx, const Entry& load) {
  if (!load.value.IsMap()) return ok_status();
  for (const auto& pair : load.value) {
    if (!pair.first.IsScalar()) continue;
    const std::string& key = pair.first.Scalar();
    std::string example;
    if (key == "workers" || key == "count") example = "'closed': load: {closed: {workers: 16, duration: 30s}}";
    if (key == "rate" || key == "stages" || key == "start_rate" || key == "connections")
      example = "'open': load: {open: {rate: 200/s, duration: 30s}}";
    if (key == "duration") example = "'closed' or 'open': load: {closed: {workers: 16, duration: 30s}}";
    if (!example.empty()) return ctx.error(pair.first, fmt::format("'{}' belongs inside {}", key, example));
  }
  return ok_status();
}

}  // namespace

Expected<LoadProfile> load_load_profile(Context& ctx, const Entry& load, const suite::Suite& suite) {
  LOADER_TRY(check_misplaced_keys(ctx, load));
  LOADER_ASSIGN(Fields fields, Fields::open(ctx, load, "'load'", "in 'load'", kLoadKeys));
  LoadProfile profile;
  profile.where = where_of(ctx, load);
  const Entry* closed = fields.find("closed");
  const Entry* open = fields.find("open");
  if (closed && open) return ctx.error(open->key_node, "'load' has both 'closed' and 'open': pick one");
  if (!closed && !open) {
    return error_at(ctx, load, "'load' needs 'closed' (workers for a duration or a count) or 'open' (an arrival rate)");
  }
  if (closed) LOADER_TRY(load_closed(ctx, *closed, profile));
  if (open) LOADER_TRY(load_open(ctx, *open, profile));
  if (const Entry* requests = fields.find("requests")) {
    LOADER_SET(profile.requests, load_requests_weights(ctx, *requests, suite));
  } else {
    bool any = std::any_of(suite.requests.begin(), suite.requests.end(),
                           [&](const suite::Request& r) { return !captured_value(ctx, suite, r); });
    if (!any) {
      return error_at(ctx, load,
                      "'load' has no request to send: every request uses a value captured by an earlier "
                      "step");
    }
  }
  if (const Entry* in_flight = fields.find("max_in_flight"))
    LOADER_SET(profile.max_in_flight, read_int_in(ctx, *in_flight, 1, 10'000'000));
  if (const Entry* timeout = fields.find("timeout")) {
    LOADER_ASSIGN(auto ms, read_duration(ctx, *timeout));
    if (ms.count() > INT_MAX) return error_at(ctx, *timeout, "'timeout' is too long");
    profile.timeout_ms = static_cast<int>(ms.count());
  }
  if (const Entry* warmup = fields.find("warmup"))
    LOADER_SET(profile.warmup, read_duration(ctx, *warmup, Zero::Allowed));
  return profile;
}

}  // namespace glassbox::loader::detail
