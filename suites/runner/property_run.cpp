#include "suites/runner/property_run.hpp"

#include <iostream>
#include <mutex>
#include <optional>
#include <sstream>
#include <vector>

#include <fmt/format.h>
#include <rapidcheck.h>

#include "generators/case_builder.hpp"
#include "generators/property/draws.hpp"
#include "suites/runner/case_judge.hpp"

namespace glassbox::runner {

namespace {

using reports::Outcome;

enum class Stop { None, Requests, Seconds, Interrupted };

// RapidCheck reports progress to a listener; this one only counts the accepted shrinks
// (each is a smaller input that still fails) and prints nothing.
class ShrinkCounter final : public rc::detail::TestListener {
 public:
  void onTestCaseFinished(const rc::detail::CaseDescription&) override {}
  void onShrinkTried(const rc::detail::CaseDescription&, bool accepted) override {
    if (accepted) ++accepted_;
  }
  void onTestFinished(const rc::detail::TestMetadata&, const rc::detail::TestResult&) override {}
  int accepted() const { return accepted_; }

 private:
  int accepted_ = 0;
};

// RapidCheck announces its configuration on std::cerr the first time it loads it ("Using
// configuration: seed=..."): a random seed that is not the one a property case runs with, so
// it would only mislead. It is loaded once here with std::cerr silenced. Not safe while
// another thread writes to std::cerr; the runner runs property cases before its other work.
void load_rapidcheck_configuration_quietly() {
  static std::once_flag once;
  std::call_once(once, [] {
    std::ostringstream swallowed;
    std::streambuf* previous = std::cerr.rdbuf(swallowed.rdbuf());
    try {
      rc::detail::configuration();
    } catch (const std::exception&) {
      // A malformed RC_PARAMS: property cases pass their own parameters and do not need it.
    }
    std::cerr.rdbuf(previous);
  });
}

struct Drawn {
  const suite::Input* input = nullptr;
  rc::Gen<Value> values;
};

// What the property saw while RapidCheck ran it.
struct Progress {
  int requests = 0;
  int passed = 0;                                 // draws that passed before the first failure
  std::optional<reports::CaseResult> last_pass;
  std::optional<reports::CaseResult> smallest;    // the latest failure: RapidCheck's smallest
  std::string smallest_input;                     // "a=201, b=5"
  Stop stop = Stop::None;
};

std::vector<Drawn> draws_of(const suite::Suite& suite, const suite::PropertySpec& spec) {
  std::vector<Drawn> draws;
  for (const suite::PropertySpec::Drawn& d : spec.inputs) {
    const suite::Input* input = suite.find_input(d.input);
    if (!input) continue;  // the generator only names inputs of the suite
    std::vector<const suite::InputClass*> classes;
    for (const std::string& name : d.classes)
      if (const suite::InputClass* cls = input->find_class(name)) classes.push_back(cls);
    draws.push_back(Drawn{input, generators::property::input_draw(*input, classes)});
  }
  return draws;
}

// `c` with the drawn values in place of its bindings of the inputs under test.
suite::Case with_values(const suite::Case& c, const std::vector<Drawn>& draws, const std::vector<Value>& values) {
  suite::Case drawn = c;
  drawn.property.reset();
  for (std::size_t k = 0; k < draws.size(); ++k) {
    suite::Binding b = generators::classified_binding(*draws[k].input, values[k], "", generators::Role::UnderTest);
    bool replaced = false;
    for (suite::Binding& existing : drawn.bindings)
      if (existing.input == b.input) {
        existing = b;
        replaced = true;
      }
    if (!replaced) drawn.bindings.push_back(std::move(b));
  }
  return drawn;
}

// "a=201, b=5", with the value of an input marked secret shown as ***.
std::string input_text(const std::vector<Drawn>& draws, const std::vector<Value>& values) {
  std::string text;
  for (std::size_t k = 0; k < draws.size(); ++k)
    text += fmt::format("{}{}={}", text.empty() ? "" : ", ", draws[k].input->name,
                        draws[k].input->secret ? std::string("***") : values[k].dump());
  return text.empty() ? "(no inputs)" : text;
}

std::string bound_text(Stop stop, const suite::PropertySpec& spec) {
  switch (stop) {
    case Stop::Requests:
      return fmt::format("the bound ({} requests)", spec.max_requests);
    case Stop::Seconds:
      return fmt::format("the bound ({} s)", spec.max_seconds);
    case Stop::Interrupted:
      return "the interrupted run";
    case Stop::None:
      break;
  }
  return "";
}

reports::CaseResult failed_result(const suite::PropertySpec& spec, const Progress& progress, int shrinks) {
  reports::CaseResult r = *progress.smallest;
  const int draw = progress.passed + 1;
  std::string shrinking = fmt::format("after {} shrink step{}", shrinks, shrinks == 1 ? "" : "s");
  if (progress.stop != Stop::None) shrinking += ", shrinking stopped by " + bound_text(progress.stop, spec);
  const std::string found = fmt::format("property failed on draw {} of {}; smallest failing input {} ({}; replay with "
                                        "--seed {})",
                                        draw, spec.runs, progress.smallest_input, shrinking, spec.run_seed);
  r.message = r.message.empty() ? found : found + ": " + r.message;
  r.checks.insert(r.checks.begin(),
                  reports::Check{"property", false, fmt::format("{} draws pass", spec.runs),
                                 fmt::format("draw {} failed; {} shrink steps; {} requests", draw, shrinks,
                                             progress.requests)});
  return r;
}

reports::CaseResult passed_result(const suite::Suite& suite, const suite::Case& c, const Progress& progress) {
  const suite::PropertySpec& spec = *c.property;
  reports::CaseResult r =
      progress.last_pass ? *progress.last_pass : describe_case(suite.name, c, secret_input_names(suite));
  std::string counts =
      fmt::format("{} of {} draws passed ({} requests)", progress.passed, spec.runs, progress.requests);
  std::string actual = fmt::format("{} draws passed; {} requests", progress.passed, progress.requests);
  if (progress.stop != Stop::None) {
    counts += "; drawing stopped by " + bound_text(progress.stop, spec);
    actual += "; stopped by " + bound_text(progress.stop, spec);
  }
  r.message = counts;
  // A time bound ends the drawing without a failure: the case passes on what it sent. An
  // interrupted run (or one that sent nothing) has not tested the property.
  if (progress.stop == Stop::Interrupted || progress.requests == 0) r.outcome = Outcome::Skipped;
  r.checks.insert(r.checks.begin(), reports::Check{"property", r.outcome == Outcome::Passed,
                                                   fmt::format("{} draws pass", spec.runs), actual});
  return r;
}

}  // namespace

reports::CaseResult run_property_case(const suite::Suite& suite, const suite::Case& c, const PropertyProbe& probe,
                                      const PropertyEnvironment& environment) {
  if (!c.property) return probe(c);
  const suite::PropertySpec& spec = *c.property;
  const std::vector<Drawn> draws = draws_of(suite, spec);
  const auto started = environment.now();
  const auto time_bound = std::chrono::seconds(spec.max_seconds);
  Progress progress;

  auto bound_reached = [&]() -> Stop {
    if (environment.interrupted()) return Stop::Interrupted;
    if (progress.requests >= spec.max_requests) return Stop::Requests;
    if (environment.now() - started >= time_bound) return Stop::Seconds;
    return Stop::None;
  };
  auto property = [&]() -> bool {
    std::vector<Value> values;
    for (const Drawn& d : draws) values.push_back(*d.values);
    if (progress.stop == Stop::None) progress.stop = bound_reached();
    if (progress.stop != Stop::None) return true;  // no more requests: RapidCheck keeps what it has
    reports::CaseResult judged = probe(with_values(c, draws, values));
    ++progress.requests;
    if (judged.outcome == Outcome::Passed) {
      if (!progress.smallest) {
        ++progress.passed;
        progress.last_pass = std::move(judged);
      }
      return true;
    }
    progress.smallest = std::move(judged);
    progress.smallest_input = input_text(draws, values);
    return false;
  };

  load_rapidcheck_configuration_quietly();
  rc::detail::TestParams params;
  params.seed = spec.seed;
  params.maxSuccess = spec.runs;
  params.maxSize = rc::kNominalSize;
  ShrinkCounter counter;
  rc::detail::TestMetadata metadata;
  metadata.id = c.id;
  const rc::detail::TestResult result = rc::detail::checkTestable(property, metadata, params, counter);

  if (progress.smallest) return failed_result(spec, progress, counter.accepted());
  std::string problem;
  if (rc::detail::GaveUpResult gave_up; result.match(gave_up)) problem = gave_up.description;
  if (rc::detail::Error error; result.match(error)) problem = error.description;
  if (!problem.empty()) {
    reports::CaseResult r = describe_case(suite.name, c, secret_input_names(suite));
    r.outcome = Outcome::Error;
    r.message = "property could not draw its inputs: " + problem;
    return r;
  }
  return passed_result(suite, c, progress);
}

PropertyProbe http_property_probe(probes::HttpClient& client, BuildRequest build, std::string suite_name,
                                  std::string trace_id, const reports::Redactor& redactor,
                                  std::vector<std::string> secret_inputs) {
  return [&client, build = std::move(build), suite_name = std::move(suite_name), trace_id = std::move(trace_id),
          &redactor, secret_inputs = std::move(secret_inputs)](const suite::Case& drawn) {
    auto built = build(drawn);
    if (!built) {
      reports::CaseResult r = describe_case(suite_name, drawn, secret_inputs);
      r.outcome = Outcome::Error;
      r.message = built.error().message;
      r.trace_id = trace_id;
      return r;
    }
    built->trace_id = trace_id;
    probes::HttpResponse response;
    client.send(*built, [&response](probes::HttpResponse answer) { response = std::move(answer); });
    client.run();  // returns once the one request is answered
    return judge_case(suite_name, drawn, *built, response, redactor, secret_inputs);
  };
}

}  // namespace glassbox::runner
