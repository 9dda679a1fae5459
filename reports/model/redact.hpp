// Secret redaction, applied once where probe data enters the results model, so no
// report, log or console line can print a secret.
// Redacted: every value that came from ${env:...} (Suite::secrets) wherever it appears
// (URLs, headers, bodies), and the values of Authorization, Proxy-Authorization, Cookie
// and Set-Cookie headers, and of headers the suite marks secret (names compare
// case-insensitively), also as span attributes. Values the caller adds with with_secrets()
// (a case's secret inputs) are redacted like ${env:...} values. A secret's percent-encoded and JSON-escaped spellings are redacted
// too, and overlapping secrets are redacted as one run. Immutable after construction:
// safe to share between threads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "reports/model/results.hpp"

namespace glassbox::reports {

inline constexpr std::string_view kRedacted = "***";

class Redactor {
 public:
  explicit Redactor(std::vector<std::string> secrets, std::vector<std::string> secret_headers = {});
  std::string text(std::string_view s) const;        // every secret occurrence -> ***
  Headers headers(const Headers& h) const;           // sensitive header values -> ***, others via text()
  Exchange exchange(const Exchange& e) const;        // url, both header lists and both bodies
  // Name, status message and attributes (every string, keys too, at any depth); the values
  // of OpenTelemetry header attributes (http.request.header.<name>, http.response.header.<name>)
  // of sensitive headers become "***" whatever their type.
  TraceSpan span(const TraceSpan& s) const;
  // This redactor plus `more` secrets (e.g. the values a case binds to secret inputs), with
  // the same secret headers; `more` may be empty (then it is a copy).
  Redactor with_secrets(std::vector<std::string> more) const;

 private:
  void add_secrets(std::vector<std::string> secrets);
  bool sensitive_header(std::string_view lowercase_name) const;
  Value value(const Value& v) const;

  std::vector<std::string> secrets_;                 // longest first, empty ones dropped
  std::vector<std::string> secret_headers_;          // lowercase names
};

}  // namespace glassbox::reports
