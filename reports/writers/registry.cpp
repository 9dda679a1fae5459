#include "reports/writers/writer.hpp"

namespace glassbox::reports {

const std::vector<const ReportWriter*>& all_writers() {
  static const std::vector<const ReportWriter*> writers = {
      &json_writer(), &junit_writer(), &markdown_writer(), &html_writer()};
  return writers;
}

const ReportWriter* find_writer(std::string_view name) {
  for (const ReportWriter* w : all_writers())
    if (w->name() == name) return w;
  return nullptr;
}

}  // namespace glassbox::reports
