// The HTML report writer: a folder holding index.html and report.css. No script, no
// inline style, no data: URI and nothing fetched from elsewhere, so the page reads the
// same offline and as a Jenkins artifact under its default Content-Security-Policy
// (`sandbox; default-src 'none'; img-src 'self'; style-src 'self';`). Expand/collapse
// is <details>; charts are inline SVG coloured by classes from report.css.
//
// Stateless; write() may run concurrently for different destinations.
#include <filesystem>
#include <system_error>

#include <fmt/format.h>

#include "reports/model/atomic_file.hpp"
#include "reports/writers/html_sections.hpp"
#include "reports/writers/writer.hpp"

namespace glassbox::reports {
namespace {

using html::HtmlBuilder;

void head(HtmlBuilder& b, const RunResults& r) {
  auto head = b.open("head");
  b.empty("meta", {{"charset", "utf-8"}});
  b.empty("meta", {{"name", "viewport"}, {"content", "width=device-width, initial-scale=1"}});
  b.empty("meta", {{"name", "color-scheme"}, {"content", "light dark"}});
  b.empty("meta", {{"name", "generator"}, {"content", fmt::format("glassbox {}", r.tool_version)}});
  b.element("title", fmt::format("{} · {} · glassbox", html::verdict_word(r),
                                 r.suites.empty() ? std::string("run") : fmt::format("{}", fmt::join(r.suites, ", "))));
  b.empty("link", {{"rel", "stylesheet"}, {"href", "report.css"}});
}

// Always on screen: the verdict and the way to each section.
void top_bar(HtmlBuilder& b, const RunResults& r) {
  const Totals t = r.totals();
  auto header = b.open("header", {{"class", fmt::format("topbar topbar-{}", html::verdict_class(r))}});
  auto inner = b.open("div", {{"class", "wrap topbar-inner"}});
  b.element("span", {{"class", "brand"}}, "glassbox");
  b.element("span", {{"class", fmt::format("badge badge-{}", html::verdict_class(r))}}, html::verdict_word(r));
  b.element("span", {{"class", "topbar-title"}}, r.suites.empty() ? std::string("run") : fmt::format("{}", fmt::join(r.suites, ", ")));
  b.element("span", {{"class", "topbar-counts"}},
            fmt::format("{} passed · {} failed · {} error{} · {} skipped", t.passed, t.failed, t.errors,
                        t.errors == 1 ? "" : "s", t.skipped));
  auto nav = b.open("nav");
  b.element("a", {{"href", "#summary"}}, "Summary");
  b.element("a", {{"href", "#latency"}}, "Latency");
  b.element("a", {{"href", "#techniques"}}, "Techniques");
  if (html::has_service_levels(r)) b.element("a", {{"href", "#overview"}}, "SLOs");
  if (!r.coverage_totals.empty()) b.element("a", {{"href", "#coverage"}}, "Coverage");
  b.element("a", {{"href", "#failures"}}, fmt::format("Failures ({})", t.failed + t.errors));
  b.element("a", {{"href", "#cases"}}, fmt::format("Cases ({})", t.cases));
}

void footer(HtmlBuilder& b, const RunResults& r) {
  auto footer = b.open("footer", {{"class", "wrap footer"}});
  b.element("p", fmt::format("glassbox {} · results schema {} · seed {}{}", r.tool_version.empty() ? "–" : r.tool_version,
                             r.schema_version, r.seed, r.started_at.empty() ? "" : " · started " + r.started_at));
  b.element("p", "This page is rendered from the run's results JSON, which holds every case in full.");
}

std::string render(const RunResults& r) {
  HtmlBuilder b;
  {
    auto html = b.open("html", {{"lang", "en"}});
    head(b, r);
    auto body = b.open("body");
    top_bar(b, r);
    {
      auto main = b.open("main", {{"class", "wrap"}});
      html::verdict_banner(b, r);
      html::service_level_overview(b, r);
      html::telemetry_line(b, r);
      {
        auto panels = b.open("div", {{"class", "panels"}});
        html::latency_panel(b, r);
        html::technique_panel(b, r);
      }
      html::service_level_section(b, r);
      html::coverage_section(b, r);
      html::failures_section(b, r);
      html::cases_section(b, r);
    }
    footer(b, r);
  }
  return std::move(b).take();
}

class HtmlWriter final : public ReportWriter {
 public:
  std::string_view name() const override { return "html"; }
  std::string_view summary() const override {
    return "HTML report folder (index.html + report.css), readable offline and under Jenkins' CSP";
  }

  Status write(const RunResults& results, const std::filesystem::path& destination) const override {
    std::error_code ec;
    if (std::filesystem::exists(destination, ec) && !std::filesystem::is_directory(destination, ec))
      return Error{fmt::format("cannot write the HTML report to '{}': it exists and is not a folder", destination.string())};
    std::filesystem::create_directories(destination, ec);
    if (ec) return Error{fmt::format("cannot create the HTML report folder '{}': {}", destination.string(), ec.message())};
    // The stylesheet first: index.html never refers to a stylesheet that is not there yet.
    if (Status css = write_file_atomically(destination / "report.css", html::report_css()); !css) return css;
    return write_file_atomically(destination / "index.html", render(results));
  }
};

}  // namespace

const ReportWriter& html_writer() {
  static const HtmlWriter writer;
  return writer;
}

}  // namespace glassbox::reports
