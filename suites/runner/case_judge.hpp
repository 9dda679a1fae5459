// Turns a probed case into its CaseResult: the exchange (redacted, bodies capped), the
// attempts, and the verdict from the case's expectation.
#pragma once

#include <string>
#include <vector>

#include "probes/http/http_client.hpp"
#include "reports/model/redact.hpp"
#include "reports/model/results.hpp"
#include "suites/model/case.hpp"
#include "suites/model/suite.hpp"

namespace glassbox::runner {

// Bodies kept in results; larger ones are cut and flagged, so a huge response cannot
// make the results file (and every report rendered from it) huge.
inline constexpr std::size_t kKeptBodyBytes = 64 * 1024;

// The names of the suite's inputs marked `secret: true`, for describe_case and judge_case.
std::vector<std::string> secret_input_names(const suite::Suite& suite);

// The parts of a result that come from the case alone (id, technique, inputs, ...). The
// values the case binds to `secret_inputs` show as "***" in `inputs` and `label`.
reports::CaseResult describe_case(const std::string& suite_name, const suite::Case& c,
                                  const std::vector<std::string>& secret_inputs = {});

// The values the case binds to `secret_inputs` are redacted wherever they appear in the
// result (url, headers, bodies, messages, check values), on top of what `redactor` redacts.
reports::CaseResult judge_case(const std::string& suite_name, const suite::Case& c,
                               const probes::HttpRequest& sent, const probes::HttpResponse& response,
                               const reports::Redactor& redactor, const std::vector<std::string>& secret_inputs = {});

// Once the case's spans are attached: appends the checks of its span expectations (trace
// assertions) and fails a case that passed on its response but not on its trace. Cases that
// errored or did not run are left alone. A no-op for cases without span expectations.
void judge_case_trace(const suite::Case& c, reports::CaseResult& r, const reports::Redactor& redactor,
                      const std::vector<std::string>& secret_inputs = {});

// Redacts the case's spans (names, status messages, attributes) like its exchange: call it
// once the spans are attached and judged, since trace assertions must see them as exported.
void redact_case_spans(const suite::Case& c, reports::CaseResult& r, const reports::Redactor& redactor,
                       const std::vector<std::string>& secret_inputs = {});

}  // namespace glassbox::runner
