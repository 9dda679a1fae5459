#include "suites/runner/runner.hpp"

#include <chrono>
#include <ctime>
#include <fnmatch.h>
#include <map>
#include <thread>

#include <unistd.h>

#include <fmt/format.h>

#include "generators/generator.hpp"
#include "probes/demo/demo_service.hpp"
#include "probes/http/http_client.hpp"
#include "probes/http/trace_context.hpp"
#include "probes/traces/trace_source.hpp"
#include "reports/model/results_json.hpp"
#include "reports/verdicts/coverage.hpp"
#include "suites/loader/loader.hpp"
#include "suites/runner/case_judge.hpp"
#include "suites/runner/paths_baseline.hpp"
#include "suites/runner/property_run.hpp"
#include "suites/runner/load_phase.hpp"
#include "suites/runner/request_builder.hpp"
#include "suites/runner/service_levels.hpp"
#include "suites/runner/run_export.hpp"
#include "suites/runner/span_collection.hpp"
#include "suites/runner/steps.hpp"

namespace glassbox::runner {

namespace {

using Clock = std::chrono::steady_clock;

// How long the pre-flight check waits for a target to accept a connection.
constexpr std::chrono::milliseconds kPreflightTimeout{3000};

std::string utc_now_rfc3339() {
  auto now = std::chrono::system_clock::now();
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                     tm.tm_hour, tm.tm_min, tm.tm_sec, ms);
}

// One case scheduled for this run, with the request that probes it.
struct Planned {
  std::size_t suite = 0;
  const suite::Case* c = nullptr;
  probes::HttpRequest request;
  bool started = false;
  int repetition = 1;   // 1-based; repetitions after the first get "#N" ids
  // Multi-step cases: the step in flight, what earlier steps captured, the result so far.
  std::size_t step = 0;
  Captured captured;
  reports::CaseResult partial;
};

void apply_repetition(const Planned& p, reports::CaseResult& r) {
  if (p.repetition > 1) r.id += "#" + std::to_string(p.repetition);
}

const suite::Target* target_of(const std::vector<suite::Target>& targets, const suite::Suite& s,
                               const suite::Request& r) {
  std::string name = !r.target.empty() ? r.target : s.defaults.target;
  if (name.empty()) return targets.empty() ? nullptr : &targets.front();
  for (const suite::Target& t : targets)
    if (t.name == name) return &t;
  return nullptr;
}

// "scheme://host:port" of a URL, the unit of reachability.
std::string origin_of(const std::string& url) {
  auto scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return url;
  auto path = url.find('/', scheme_end + 3);
  return path == std::string::npos ? url : url.substr(0, path);
}

// Where a run's spans come from once the probes are done.
struct SpanInputs {
  SpanCollector& collector;
  SpanListeners* receiver = nullptr;             // null without --listen/--listen-grpc (or a coverage section)
  probes::TraceSource* trace_source = nullptr;   // null without --traces-from
  probes::DemoService* demo = nullptr;           // flushed before the settle window
};

// Settles and stops the receiver, fetches traces from the backend, then attaches every case's
// spans and evaluates each suite's coverage.
void gather_spans(const SpanInputs& in, const RunOptions& options, const std::vector<LoadedSuite>& suites,
                  reports::RunResults& results, const std::function<void(const std::string&)>& notice,
                  const std::function<bool()>& interrupted) {
  std::vector<Span> spans;
  std::vector<std::string> sources;
  if (in.receiver) {
    // The demo flushes its exporter when it stops; then late batches get a settle window
    // (quiet period, bounded) before the spans are correlated with the cases.
    if (in.demo) in.demo->stop();
    const auto limit = std::max(std::chrono::milliseconds(5000), options.settle * 10);
    auto waited = settle(options.settle, limit, [&] { return in.receiver->stats().last_batch; }, interrupted);
    in.receiver->stop();
    const probes::ReceiverStats stats = in.receiver->stats();
    spans = in.collector.take();
    if (in.receiver->http()) sources.push_back(fmt::format("OTLP/Zipkin receiver on {}", in.receiver->endpoint()));
    if (in.receiver->grpc()) sources.push_back(fmt::format("OTLP/gRPC receiver on {}", in.receiver->grpc()->endpoint()));
    if (stats.throttled)
      notice(fmt::format("span receiver refused {} batches as full (429/UNAVAILABLE); exporters retry them", stats.throttled));
    notice(fmt::format("spans: waited {} ms for late batches; {} received", waited.count(), spans.size()));
  }
  if (in.trace_source && !interrupted()) {
    auto fetched = fetch_case_traces(*in.trace_source, results, !options.insecure);
    notice(fmt::format("traces from {}: {} of {} complete", options.traces_from, fetched.complete, fetched.requested));
    for (Span& s : fetched.spans) spans.push_back(std::move(s));
    sources.push_back(fmt::format("{} query API at {}", in.trace_source->kind(), options.traces_from.substr(options.traces_from.find(':') + 1)));
  }
  std::string source;
  for (const auto& s : sources) source += (source.empty() ? "" : " and ") + s;
  attach_spans(results, std::move(spans), source);
  for (const LoadedSuite& s : suites)
    if (!s.suite.coverage.empty()) reports::evaluate_coverage(s.suite.name, s.suite.coverage, results);
  notice(fmt::format("spans: {} matched to cases, {} of no case, {} orphans", results.telemetry.matched,
                     results.telemetry.unmatched, results.telemetry.orphans));
}

// Trace assertions, once every case has its spans: a case that passed on its response may
// still fail on what its trace shows.
void judge_traces(const std::vector<Planned>& plan, reports::RunResults& results, const reports::Redactor& redactor,
                  const std::vector<std::vector<std::string>>& secret_inputs,
                  const std::function<void(const std::string&)>& notice) {
  int judged = 0, failed = 0;
  for (std::size_t i = 0; i < plan.size(); ++i) {
    if (plan[i].c->expect.spans.empty()) continue;
    reports::CaseResult& r = results.cases[i];
    bool passed_before = r.outcome == reports::Outcome::Passed;
    judge_case_trace(*plan[i].c, r, redactor, secret_inputs[plan[i].suite]);
    ++judged;
    if (passed_before && r.outcome == reports::Outcome::Failed) ++failed;
  }
  if (judged) notice(fmt::format("trace assertions: {} cases judged on their spans, {} failed only there", judged, failed));
  // Only now, after the assertions that need the spans as exported, do secrets leave them.
  for (std::size_t i = 0; i < plan.size(); ++i)
    redact_case_spans(*plan[i].c, results.cases[i], redactor, secret_inputs[plan[i].suite]);
}

}  // namespace

Expected<std::vector<LoadedSuite>> load_and_generate(const std::vector<std::filesystem::path>& files,
                                                    std::uint64_t seed) {
  std::vector<LoadedSuite> out;
  for (const auto& file : files) {
    auto loaded = loader::load_suite_file(file);
    if (!loaded) return loaded.error();
    auto cases = generators::generate_all(*loaded, seed);
    if (!cases) return cases.error();
    out.push_back(LoadedSuite{std::move(loaded.value()), std::move(cases.value())});
  }
  return out;
}

RunOutcome run(const RunOptions& options, const RunObserver& observer) {
  RunOutcome out;
  reports::RunResults& results = out.results;
  results.tool_version = GLASSBOX_VERSION;
  results.seed = options.seed;
  results.environment = options.environment;
  results.started_at = utc_now_rfc3339();
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) == 0) results.hostname = host;
  if (options.shard) results.shard = fmt::format("{}/{}", options.shard->index, options.shard->count);
  auto fail = [&](FailureKind kind, Error error) {
    out.failure = kind;
    out.error = std::move(error);
    return out;
  };
  auto notice = [&](const std::string& line) {
    if (observer.on_notice) observer.on_notice(line);
  };

  if (!options.otlp_export.empty() && options.otlp_export.rfind("http://", 0) != 0 &&
      options.otlp_export.rfind("https://", 0) != 0)
    return fail(FailureKind::Suite, Error(fmt::format("--otlp-export '{}': expected an OTLP/HTTP URL such as "
                                                      "http://127.0.0.1:4318", options.otlp_export)));
  auto loaded = load_and_generate(options.suite_files, options.seed);
  if (!loaded) return fail(FailureKind::Suite, loaded.error());
  std::vector<LoadedSuite>& suites = loaded.value();
  if (!options.paths_from.empty()) {
    std::vector<suite::Suite*> models;
    for (LoadedSuite& s : suites) models.push_back(&s.suite);
    auto learned = learn_paths(options.paths_from, models);
    if (!learned) return fail(FailureKind::Suite, learned.error());
    notice(fmt::format("paths: {} shapes of {} entries learned from {}", learned->shapes, learned->entries,
                       options.paths_from.string()));
  }

  std::optional<reports::RunResults> baseline;
  if (!options.baseline.empty()) {
    auto read = reports::read_results_file(options.baseline);
    if (!read) return fail(FailureKind::Suite, Error("--baseline: " + read.error().message));
    baseline = std::move(read.value());
  }

  std::vector<std::vector<suite::Target>> targets;
  std::vector<ServiceLevels::SuitePlan> level_plans;
  int concurrency = options.concurrency;
  std::vector<std::string> secrets, secret_headers;
  std::vector<std::vector<std::string>> secret_inputs;   // per suite: inputs marked secret
  for (const LoadedSuite& s : suites) {
    results.suites.push_back(s.suite.name);
    results.suite_files.push_back(s.suite.file);
    auto t = suite::resolve_targets(s.suite, options.environment);
    if (!t) return fail(FailureKind::Suite, t.error());
    targets.push_back(std::move(t.value()));
    auto env_plan = suite::plan_for(s.suite, options.environment);
    if (!env_plan) return fail(FailureKind::Suite, env_plan.error());
    level_plans.push_back({&s.suite, std::move(env_plan.value())});
    if (options.concurrency <= 0) concurrency = std::max(concurrency, s.suite.defaults.concurrency);
    secrets.insert(secrets.end(), s.suite.secrets.begin(), s.suite.secrets.end());
    secret_headers.insert(secret_headers.end(), s.suite.secret_headers.begin(), s.suite.secret_headers.end());
    secret_inputs.push_back(secret_input_names(s.suite));
  }
  concurrency = std::max(concurrency, 1);
  reports::Redactor redactor(secrets, secret_headers);

  // Every case of every suite in one deterministic list, then the filter and shard.
  std::vector<Planned> all;
  std::vector<std::string> ids;
  for (std::size_t si = 0; si < suites.size(); ++si)
    for (const suite::Case& c : suites[si].cases) {
      all.push_back(Planned{si, &c, {}, false});
      ids.push_back(c.id);
    }
  std::vector<Planned> plan;
  for (int repetition = 1; repetition <= std::max(options.repeat, 1); ++repetition)
    for (std::size_t i : select_cases(ids, options.filter, options.shard)) {
      // The environment may run no functional case ("none") or only some (a glob).
      const std::string& env_cases = level_plans[all[i].suite].plan.cases;
      if (env_cases == "none") continue;
      if (!env_cases.empty() && env_cases != "all" && fnmatch(env_cases.c_str(), all[i].c->id.c_str(), 0) != 0) continue;
      plan.push_back(all[i]);
      plan.back().repetition = repetition;
    }

  std::unique_ptr<probes::TraceSource> trace_source;
  if (!options.traces_from.empty()) {
    auto made = probes::make_trace_source(options.traces_from);
    if (!made) return fail(FailureKind::Suite, made.error());
    trace_source = std::move(made.value());
  }

  // The span receiver starts before anything that could export to it (the demo). A suite that
  // declares coverage or span expectations needs spans: without --listen or --traces-from, the receiver takes the
  // OpenTelemetry exporters' default endpoint.
  bool wants_spans = std::any_of(suites.begin(), suites.end(), [](const LoadedSuite& s) { return !s.suite.coverage.empty(); }) ||
                     std::any_of(plan.begin(), plan.end(), [](const Planned& p) { return !p.c->expect.spans.empty(); });
  std::string listen = options.listen;
  if (listen.empty() && options.listen_grpc.empty() && options.traces_from.empty() && wants_spans) listen = "127.0.0.1:4318";
  SpanCollector collector;
  std::unique_ptr<SpanListeners> receiver;
  if (!listen.empty() || !options.listen_grpc.empty()) {
    std::optional<probes::ReceiverOptions> http_options, grpc_options;
    if (!listen.empty()) {
      auto parsed = parse_listen(listen);
      if (!parsed) return fail(FailureKind::Suite, parsed.error());
      http_options = *parsed;
    }
    if (!options.listen_grpc.empty()) {
      auto parsed = parse_listen(options.listen_grpc, "--listen-grpc");
      if (!parsed) return fail(FailureKind::Suite, parsed.error());
      grpc_options = *parsed;
    }
    auto started = start_span_listeners(http_options, grpc_options, collector);
    if (!started) {
      Error error = started.error();
      if (listen != options.listen)   // the default HTTP receiver failed
        error.message += "; the suite declares coverage or span expectations, so spans are received there by default: "
                         "pass --listen ADDR:PORT "
                         "(127.0.0.1:0 picks a free port) or --traces-from";
      return fail(FailureKind::Infrastructure, error);
    }
    receiver = std::move(started.value());
    if (receiver->http())
      notice(fmt::format("span receiver listening on {} (OTLP/HTTP {}/v1/traces, Zipkin {}/api/v2/spans)",
                         receiver->endpoint(), receiver->endpoint(), receiver->endpoint()));
    if (receiver->grpc()) notice(fmt::format("span receiver listening on {} (OTLP/gRPC)", receiver->grpc()->endpoint()));
  }

  // The demo starts only when a selected case or a load phase needs it.
  std::unique_ptr<probes::DemoService> demo;
  std::string demo_faults;
  std::vector<std::string> insecure_targets;
  struct Problem {
    FailureKind failure = FailureKind::None;
    Error error;
  };
  auto prepare_target = [&](const suite::Target& t) -> Problem {
    if (t.is_builtin_demo() && !demo) {
      probes::DemoOptions demo_options;
      if (receiver) demo_options.otlp_endpoint = receiver->endpoint();
      if (!t.demo_faults().empty()) {
        auto faults = probes::parse_demo_faults(t.demo_faults());
        if (!faults) return {FailureKind::Suite, Error(fmt::format("target '{}': {}", t.name, faults.error().message), t.where)};
        demo_options.faults = faults.value();
      }
      auto started = probes::start_demo_service(demo_options);
      if (!started) return {FailureKind::Infrastructure, started.error()};
      demo = std::move(started.value());
      demo_faults = std::string(t.demo_faults());
      notice(fmt::format("demo target listening on {}{}", demo->base_url(),
                         demo_faults.empty() ? std::string() : " with injected faults " + demo_faults));
    } else if (t.is_builtin_demo() && t.demo_faults() != demo_faults) {
      return {FailureKind::Suite, Error(fmt::format("target '{}': the built-in demo already runs with faults '{}'; "
                                                    "one run has one demo, so every builtin:demo target needs the same "
                                                    "faults",
                                                    t.name, demo_faults),
                                        t.where)};
    }
    if (t.insecure && !options.insecure &&
        std::find(insecure_targets.begin(), insecure_targets.end(), t.name) == insecure_targets.end()) {
      insecure_targets.push_back(t.name);
      notice(fmt::format("target '{}' is marked insecure: its TLS certificates are not verified", t.name));
    }
    return {};
  };
  // The request a case (or one step of a multi-step case) sends, its target resolved.
  auto build_step = [&](const Planned& p, const suite::Case& step) -> Expected<probes::HttpRequest> {
    const suite::Suite& s = suites[p.suite].suite;
    const suite::Request* request = s.find_request(step.request);
    const suite::Target* target = request ? target_of(targets[p.suite], s, *request) : nullptr;
    if (!request || !target) return Error(fmt::format("case '{}' has no request or target to send to", p.c->id));
    suite::Target effective = *target;
    if (effective.is_builtin_demo()) effective.url = demo->base_url();
    auto built = build_request(s, *request, effective, step);
    if (!built) return built;
    if (effective.insecure && !options.insecure) built->verify_tls = false;
    return built;
  };
  auto target_name = [&](const Planned& p) -> std::string {
    const suite::Suite& s = suites[p.suite].suite;
    const suite::Request* request = s.find_request(step_case(*p.c, 0, {}).request);
    const suite::Target* target = request ? target_of(targets[p.suite], s, *request) : nullptr;
    return target ? target->name : std::string();
  };
  for (Planned& p : plan) {
    const suite::Suite& s = suites[p.suite].suite;
    const suite::Case first = step_case(*p.c, 0, {});
    const suite::Request* request = s.find_request(first.request);
    const suite::Target* target = request ? target_of(targets[p.suite], s, *request) : nullptr;
    if (!request || !target)
      return fail(FailureKind::Suite, Error(fmt::format("case '{}' has no request or target to send to", p.c->id)));
    // Every step's target must be up before the run starts (the demo, and the pre-flight check).
    for (std::size_t k = 0; k < step_count(*p.c); ++k) {
      const suite::Request* step_request = s.find_request(step_case(*p.c, k, {}).request);
      const suite::Target* t = step_request ? target_of(targets[p.suite], s, *step_request) : nullptr;
      if (!t) return fail(FailureKind::Suite, Error(fmt::format("case '{}' has no request or target to send to", p.c->id)));
      if (auto problem = prepare_target(*t); problem.failure != FailureKind::None)
        return fail(problem.failure, problem.error);
    }
    auto built = build_step(p, first);
    if (!built) return fail(FailureKind::Suite, Error(fmt::format("case '{}': {}", p.c->id, built.error().message)));
    p.request = std::move(built.value());
  }

  // Load phases: their targets are prepared and their requests built before any traffic. A
  // sharded run leaves the load phase to shard 1, so N agents do not send N times the load.
  struct PlannedLoad {
    std::size_t suite = 0;
    suite::LoadProfile profile;
    std::vector<probes::LoadRequest> requests;
  };
  std::vector<PlannedLoad> loads;
  for (std::size_t si = 0; si < suites.size(); ++si) {
    const auto& profile = level_plans[si].plan.load;
    if (!profile || (options.shard && options.shard->index != 1)) continue;
    const suite::Suite& s = suites[si].suite;
    LoadPhase phase{&s, &suites[si].cases, *profile, nullptr};
    for (const std::string& name : load_request_names(phase)) {
      const suite::Request* request = s.find_request(name);
      const suite::Target* t = request ? target_of(targets[si], s, *request) : nullptr;
      if (!t) return fail(FailureKind::Suite, Error(fmt::format("load: request '{}' has no target to send to", name), profile->where));
      if (auto problem = prepare_target(*t); problem.failure != FailureKind::None) return fail(problem.failure, problem.error);
    }
    phase.build = [&, si](const suite::Case& c) { return build_step(Planned{si, &c, {}, false}, c); };
    auto requests = load_requests_of(phase);
    if (!requests) return fail(FailureKind::Suite, requests.error());
    loads.push_back(PlannedLoad{si, *profile, std::move(requests.value())});
  }

  // Pre-flight: a target that refuses connections before any case is sent is an
  // infrastructure problem (exit 3), not a thousand failed cases.
  std::vector<std::string> origins;
  std::vector<const probes::HttpRequest*> first_requests;
  for (const Planned& p : plan) first_requests.push_back(&p.request);
  for (const PlannedLoad& l : loads)
    for (const probes::LoadRequest& r : l.requests) first_requests.push_back(&r.request);
  for (const probes::HttpRequest* request : first_requests) {
    const probes::HttpRequest& r = *request;
    std::string origin = origin_of(r.url);
    if (std::find(origins.begin(), origins.end(), origin) != origins.end()) continue;
    origins.push_back(origin);
    if (Status reachable = probes::check_reachable(r.url, kPreflightTimeout); !reachable) {
      Error unreachable(redactor.text(reachable.error().message));
      // The reports still list what was planned, every case an error naming the target: a
      // pipeline's JUnit step then shows why nothing ran instead of "no test report found".
      for (const Planned& p : plan) {
        reports::CaseResult unsent = describe_case(suites[p.suite].suite.name, *p.c, secret_inputs[p.suite]);
        unsent.outcome = reports::Outcome::Error;
        unsent.message = "not sent: the run stopped before its first case: " + unreachable.message;
        results.cases.push_back(std::move(unsent));
      }
      return fail(FailureKind::Infrastructure, std::move(unreachable));
    }
  }

  ServiceLevels levels(level_plans, std::move(baseline), options.baseline.string());
  levels.begin();
  if (observer.on_start) observer.on_start(results.suites, plan.size());
  probes::ClientOptions client_options;
  client_options.max_connections_per_host = static_cast<std::size_t>(concurrency);
  client_options.verify_tls = !options.insecure;
  client_options.user_agent = std::string("glassbox/") + GLASSBOX_VERSION;
  std::unique_ptr<probes::HttpClient> client = probes::make_http_client(client_options);

  results.cases.resize(plan.size());
  const auto run_start = Clock::now();
  std::size_t next = 0, done = 0;
  auto interrupted = [&] { return options.interrupted && options.interrupted->load(); };

  // Property cases send their draws one at a time, each judged before the next is drawn: they
  // run first, on a client of their own, and the loop below only reports their results.
  std::map<std::size_t, reports::CaseResult> property_results;
  std::unique_ptr<probes::HttpClient> property_client;
  for (std::size_t i = 0; i < plan.size() && !interrupted(); ++i) {
    if (!plan[i].c->property) continue;
    if (!property_client) property_client = probes::make_http_client(client_options);
    const Planned& p = plan[i];
    const double offset = std::chrono::duration<double, std::milli>(Clock::now() - run_start).count();
    auto probe = http_property_probe(*property_client, [&](const suite::Case& drawn) { return build_step(p, drawn); },
                                     suites[p.suite].suite.name, probes::new_trace_id(), redactor,
                                     secret_inputs[p.suite]);
    reports::CaseResult r = run_property_case(suites[p.suite].suite, *p.c, probe, {Clock::now, interrupted});
    r.start_offset_ms = offset;
    property_results[i] = std::move(r);
  }

  std::function<void()> launch;
  auto finish = [&](std::size_t i, reports::CaseResult r) {
    apply_repetition(plan[i], r);
    r.target = target_name(plan[i]);
    results.cases[i] = std::move(r);
    ++done;
    if (observer.on_case) observer.on_case(results.cases[i], done, plan.size());
    launch();
  };
  // Judges one response. A single-request case is done; a multi-step case folds the step into
  // its result and sends the next step (same trace id, values captured so far) until a step
  // fails or none is left.
  std::function<void(std::size_t, double, probes::HttpResponse)> on_response =
      [&](std::size_t i, double offset, probes::HttpResponse response) {
        Planned& p = plan[i];
        const std::string& suite_name = suites[p.suite].suite.name;
        const suite::Case step = step_case(*p.c, p.step, p.captured);
        reports::CaseResult judged = judge_case(suite_name, step, p.request, response, redactor, secret_inputs[p.suite]);
        if (response.status != 0) {
          auto us = static_cast<std::uint64_t>(response.latency_ms * 1000.0);
          results.latency.record(us);
          results.latency_by_request[suite_name + "/" + step.request].record(us);
        }
        if (p.c->steps.empty()) {
          judged.start_offset_ms = offset;
          finish(i, std::move(judged));
          return;
        }
        const std::size_t count = p.c->steps.size();
        if (p.step == 0) {
          p.partial = describe_case(suite_name, *p.c, secret_inputs[p.suite]);
          p.partial.start_offset_ms = offset;
        }
        fold_step(p.partial, judged, p.step, count, step.label);
        const suite::Request* sent = suites[p.suite].suite.find_request(step.request);
        if (sent) capture_values(*sent, fmt::format("step {} ({})", p.step + 1, step.label), response, p.captured);
        const bool go_on = judged.outcome == reports::Outcome::Passed && p.step + 1 < count && !interrupted();
        if (!go_on) {
          skip_remaining_steps(p.partial, *p.c, p.step + 1);
          finish(i, std::move(p.partial));
          return;
        }
        ++p.step;
        const suite::Case next_step = step_case(*p.c, p.step, p.captured);
        auto built = build_step(p, next_step);
        if (!built) {
          reports::CaseResult unbuilt = p.partial;
          unbuilt.outcome = reports::Outcome::Error;
          const std::string why = unbuilt_step_message(next_step, p.captured, built.error().message);
          unbuilt.message = fmt::format("step {} of {} ({}): {}", p.step + 1, count, next_step.label, why);
          unbuilt.steps.push_back(reports::StepResult{next_step.request, next_step.label, reports::Outcome::Error, why});
          skip_remaining_steps(unbuilt, *p.c, p.step + 1);
          finish(i, std::move(unbuilt));
          return;
        }
        built->trace_id = p.request.trace_id;
        p.request = std::move(built.value());
        client->send(p.request, [&, i, offset](probes::HttpResponse next) { on_response(i, offset, std::move(next)); });
      };
  // Keeps `concurrency` cases in flight: each completion judges its case and starts the next.
  // With --rate, a case starts no earlier than its turn at that rate.
  std::uint64_t paced = 0;
  launch = [&] {
    if (next >= plan.size() || interrupted()) return;
    std::size_t i = next++;
    Planned& p = plan[i];
    p.started = true;
    if (auto ran = property_results.find(i); ran != property_results.end()) {
      finish(i, std::move(ran->second));
      return;
    }
    auto send = [&, i] {
      Planned& q = plan[i];
      q.request.trace_id = probes::new_trace_id();
      double offset = std::chrono::duration<double, std::milli>(Clock::now() - run_start).count();
      client->send(q.request, [&, i, offset](probes::HttpResponse response) { on_response(i, offset, std::move(response)); });
    };
    if (options.rate > 0) {
      const auto due = run_start + std::chrono::duration_cast<Clock::duration>(
                                       std::chrono::duration<double>(static_cast<double>(paced++) / options.rate));
      if (due > Clock::now()) {
        client->post_at(due, send);
        return;
      }
    }
    send();
  };
  for (int k = 0; k < concurrency; ++k) launch();

  // Ctrl-C arrives as a flag; this watcher turns it into a cancel the client understands.
  std::atomic<bool> finished{false};
  std::thread watcher([&] {
    while (!finished.load()) {
      if (interrupted()) {
        client->cancel();
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  });
  client->run();
  finished = true;
  watcher.join();

  for (std::size_t i = 0; i < plan.size(); ++i) {
    if (plan[i].started) continue;
    reports::CaseResult r = describe_case(suites[plan[i].suite].suite.name, *plan[i].c, secret_inputs[plan[i].suite]);
    r.target = target_name(plan[i]);
    r.outcome = reports::Outcome::Skipped;
    r.message = "not run: the run was interrupted";
    apply_repetition(plan[i], r);
    results.cases[i] = std::move(r);
  }

  for (const PlannedLoad& l : loads) {
    if (interrupted()) break;
    const std::string& suite_name = suites[l.suite].suite.name;
    notice(fmt::format("load phase of {}: {}", suite_name, l.profile.describe()));
    probes::LoadPlan load_plan;
    load_plan.suite = suite_name;
    load_plan.profile = l.profile;
    load_plan.requests = l.requests;
    load_plan.client = client_options;
    load_plan.interrupted = options.interrupted;
    const std::string profile_text = l.profile.describe();
    if (observer.on_load_progress)
      load_plan.on_progress = [&](const probes::LoadProgress& progress) {
        observer.on_load_progress(suite_name, profile_text, progress.elapsed_s, progress.planned_s, progress.completed,
                                  progress.current_rate, progress.p99_us);
      };
    reports::LoadResult measured = probes::run_load(load_plan);
    notice(fmt::format("load phase of {}: {} requests in {:.1f} s ({:.1f}/s), {} errors, p99 {:.1f} ms",
                       suite_name, measured.completed, measured.duration_s, measured.throughput(), measured.errors,
                       static_cast<double>(measured.latency.quantile(0.99)) / 1000.0));
    results.load.push_back(std::move(measured));
  }

  if (receiver || trace_source) {
    gather_spans(SpanInputs{collector, receiver.get(), trace_source.get(), demo.get()}, options, suites, results,
                 notice, interrupted);
    judge_traces(plan, results, redactor, secret_inputs, notice);
  }
  results.interrupted = interrupted();
  results.duration_ms = std::chrono::duration<double, std::milli>(Clock::now() - run_start).count();
  levels.judge(results, results.duration_ms / 1000.0, redactor);
  if (!options.otlp_export.empty()) {
    auto exported = export_run_trace(results, options.otlp_export);
    if (!exported)
      notice(exported.error().message);
    else
      notice(fmt::format("run trace {}: {} of {} spans exported to {}{}", exported->run_trace_id, exported->exported,
                         exported->spans, options.otlp_export,
                         exported->dropped ? fmt::format(" ({} dropped)", exported->dropped) : std::string()));
  }
  return out;
}

}  // namespace glassbox::runner
