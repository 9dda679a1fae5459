#include "suites/runner/steps.hpp"

#include <fmt/format.h>

namespace glassbox::runner {

std::size_t step_count(const suite::Case& c) { return c.steps.empty() ? 1 : c.steps.size(); }

suite::Case step_case(const suite::Case& c, std::size_t index, const Captured& captured) {
  if (c.steps.empty()) return c;
  const suite::Step& step = c.steps.at(index);
  suite::Case out;
  out.id = c.id;
  out.request = step.request;
  out.technique = c.technique;
  out.form = c.form;
  out.label = step.label;
  out.bindings = step.bindings;
  for (const auto& [name, value] : captured.values)
    if (!out.find(name)) out.bindings.push_back(suite::Binding{name, value, "captured", true, "", false});
  out.expect = step.expect;
  out.expected_outcome = c.expected_outcome;
  return out;
}

void capture_values(const suite::Request& request, const std::string& step_label, const probes::HttpResponse& response,
                    Captured& captured) {
  if (request.capture.empty()) return;
  Value body;
  bool parsed = false;
  try {
    body = Value::parse(response.body);
    parsed = true;
  } catch (const nlohmann::json::exception&) {
  }
  for (const auto& [name, pointer] : request.capture) {
    const Value* found = nullptr;
    if (parsed) {
      try {
        nlohmann::json::json_pointer ptr(pointer);
        if (body.contains(ptr)) found = &body.at(ptr);
      } catch (const nlohmann::json::exception&) {
      }
    }
    if (found) {
      captured.values[name] = *found;
      captured.missing.erase(name);
    } else {
      captured.missing[name] = parsed ? fmt::format("{} answered no {}", step_label, pointer)
                                      : fmt::format("{} answered no JSON to take {} from", step_label, pointer);
    }
  }
}

std::string unbuilt_step_message(const suite::Case& step, const Captured& captured, const std::string& error) {
  for (const auto& [name, why] : captured.missing)
    if (error.find(name) != std::string::npos) return fmt::format("cannot fill {{{{{}}}}}: {}", name, why);
  (void)step;
  return error;
}

void fold_step(reports::CaseResult& total, const reports::CaseResult& step, std::size_t index, std::size_t count,
               const std::string& label) {
  reports::StepResult s;
  s.request = step.request;
  s.label = label;
  s.outcome = step.outcome;
  s.message = step.message;
  s.method = step.exchange.method;
  s.url = step.exchange.url;
  s.status = step.exchange.status;
  s.latency_ms = step.exchange.latency_ms;
  total.steps.push_back(std::move(s));
  total.attempts.insert(total.attempts.end(), step.attempts.begin(), step.attempts.end());
  total.exchange = step.exchange;
  total.checks = step.checks;
  total.trace_id = step.trace_id;
  total.outcome = step.outcome;
  total.message = step.message.empty() ? ""
                                       : fmt::format("step {} of {} ({}): {}", index + 1, count, label, step.message);
}

void skip_remaining_steps(reports::CaseResult& total, const suite::Case& c, std::size_t from) {
  for (std::size_t i = from; i < c.steps.size(); ++i) {
    reports::StepResult s;
    s.request = c.steps[i].request;
    s.label = c.steps[i].label;
    s.outcome = reports::Outcome::Skipped;
    s.message = "not sent: an earlier step did not pass";
    total.steps.push_back(std::move(s));
  }
}

}  // namespace glassbox::runner
