// Report writers: one per file format, all rendered from RunResults (the results JSON's
// model), so `glassbox report` can re-render and merge shard files.
//
// Writers never escape by hand: XML goes through xml_writer.hpp, HTML through
// html_builder.hpp. Every write is atomic (a temporary beside the destination, then a
// rename), so an interrupted run never leaves a half-written report.
#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

#include "reports/model/results.hpp"
#include "suites/model/expected.hpp"

namespace glassbox::reports {

class ReportWriter {
 public:
  virtual ~ReportWriter() = default;
  virtual std::string_view name() const = 0;         // "json", "junit", "markdown", "html"
  virtual std::string_view summary() const = 0;      // one line for --help
  // destination is a file, or a folder for writers whose output is one (html).
  virtual Status write(const RunResults& results, const std::filesystem::path& destination) const = 0;
};

// One instance per format, defined in that format's file.
const ReportWriter& json_writer();
const ReportWriter& junit_writer();
// Retried cases in JUnit: Plain writes the final outcome only (valid against the Jenkins
// JUnit schema); Surefire adds Maven Surefire's elements, which the Jenkins JUnit plugin
// reads but that schema does not allow: <flakyFailure> per failed attempt of a case that
// passed in the end, <rerunFailure>/<rerunError> per earlier failed attempt of a case that
// failed or errored on every try.
enum class RetriedCases { Plain, Surefire };
const ReportWriter& junit_writer(RetriedCases retried);
const ReportWriter& markdown_writer();
const ReportWriter& html_writer();

// The registry, in one table (registry.cpp).
const std::vector<const ReportWriter*>& all_writers();
const ReportWriter* find_writer(std::string_view name);

}  // namespace glassbox::reports
