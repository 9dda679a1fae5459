#include "cli/report_outputs.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "reports/writers/writer.hpp"

namespace glassbox::cli {

void add_report_options(CLI::App& command, ReportPaths& paths) {
  command.add_option("--json", paths.json, "Write results JSON (the source of truth) to FILE")->option_text("FILE");
  command.add_option("--junit", paths.junit, "Write JUnit XML for Jenkins to FILE")->option_text("FILE");
  command.add_flag("--junit-flaky", paths.junit_flaky,
                   "In the JUnit XML, give retried cases Surefire's flakyFailure/rerunFailure elements "
                   "(read by the Jenkins JUnit plugin 1380+; not valid against the plain JUnit schema)");
  command.add_option("--html", paths.html, "Write the HTML report into folder DIR")->option_text("DIR");
  command.add_option("--markdown", paths.markdown, "Write a Markdown summary to FILE")->option_text("FILE");
}

std::vector<std::string> write_reports(const reports::RunResults& results, const ReportPaths& paths, bool& ok) {
  ok = true;
  std::vector<std::string> written;
  const std::pair<const char*, const std::string*> wanted[] = {
      {"json", &paths.json}, {"junit", &paths.junit}, {"html", &paths.html}, {"markdown", &paths.markdown}};
  for (const auto& [format, path] : wanted) {
    if (path->empty()) continue;
    const reports::ReportWriter* writer =
        format == std::string_view("junit") && paths.junit_flaky ? &reports::junit_writer(reports::RetriedCases::Surefire)
                                                                 : reports::find_writer(format);
    Status status = writer->write(results, *path);
    if (!status) {
      fmt::print(stderr, "glassbox: {}\n", status.error().to_string());
      ok = false;
      continue;
    }
    written.push_back(format == std::string_view("html") ? *path + "/index.html" : *path);
  }
  return written;
}

}  // namespace glassbox::cli
