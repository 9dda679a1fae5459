// A fixed, fake run for the HTML and console tests: every string a service controls is
// hostile (markup, attribute breakers, control characters, invalid UTF-8) or non-ASCII.
#pragma once

#include <string>

#include "reports/model/results.hpp"

namespace glassbox::reports::testing {

inline const std::string kScript = "<script>alert(1)</script>";
inline const std::string kAttributeBreaker = "\" onmouseover=x";
inline const std::string kPreBreaker = "</pre>";
inline const std::string kUnicode = "Grüße — 日本語 ✓";

// Four cases: one passed (with a 5000-byte JSON body), one failed with hostile strings in
// every field, one error without a response, one skipped.
RunResults hostile_run();
// The same suite with every case passed.
RunResults passing_run();

}  // namespace glassbox::reports::testing
