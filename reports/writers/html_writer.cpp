// The HTML report writer: a folder holding index.html, a page per technique (split into
// numbered pages past html::kCasesPerPage cases), failures.html, a coverage page per service
// whose lists were cut on index.html, and report.css (html_pages.hpp says which page holds
// what). No script, no inline style, no data: URI and nothing fetched from elsewhere, so the
// pages read the same offline and as a Jenkins artifact under its default
// Content-Security-Policy (`sandbox; default-src 'none'; img-src 'self'; style-src 'self';`).
// Pages link to each other with plain relative hrefs. Expand/collapse is <details>; charts
// are inline SVG coloured by classes from report.css.
//
// index.html stays small however many cases ran: it holds totals, charts, the coverage map
// and the first failures; the cases themselves live on the technique pages.
//
// Stateless; write() may run concurrently for different destinations.
#include <filesystem>
#include <functional>
#include <set>
#include <string>
#include <system_error>
#include <vector>

#include <fmt/format.h>

#include "reports/model/atomic_file.hpp"
#include "reports/writers/html_pages.hpp"
#include "reports/writers/html_sections.hpp"
#include "reports/writers/writer.hpp"

namespace glassbox::reports {
namespace {

namespace fs = std::filesystem;
using html::HtmlBuilder;
using html::PageLayout;

enum class Page { Index, Other };

// What every page's head and top bar show, computed once: RunResults::passed() walks every
// case, and a large run has dozens of pages.
struct Chrome {
  std::string verdict_word;
  std::string verdict_class;
  Totals totals;
};

std::string suites_text(const RunResults& r) {
  return r.suites.empty() ? std::string("run") : fmt::format("{}", fmt::join(r.suites, ", "));
}

void head(HtmlBuilder& b, const RunResults& r, const Chrome& chrome, std::string_view page_title) {
  auto head = b.open("head");
  b.empty("meta", {{"charset", "utf-8"}});
  b.empty("meta", {{"name", "viewport"}, {"content", "width=device-width, initial-scale=1"}});
  b.empty("meta", {{"name", "color-scheme"}, {"content", "light dark"}});
  b.empty("meta", {{"name", "generator"}, {"content", fmt::format("glassbox {}", r.tool_version)}});
  if (page_title.empty())
    b.element("title", fmt::format("{} · {} · glassbox", chrome.verdict_word, suites_text(r)));
  else
    b.element("title", fmt::format("{} · {} · {} · glassbox", page_title, chrome.verdict_word, suites_text(r)));
  b.empty("link", {{"rel", "stylesheet"}, {"href", "report.css"}});
}

// Always on screen: the verdict and the way to each section of index.html.
void top_bar(HtmlBuilder& b, const RunResults& r, const Chrome& chrome, Page page) {
  const Totals& t = chrome.totals;
  const std::string index = page == Page::Index ? "" : std::string(html::kIndexPage);
  auto header = b.open("header", {{"class", fmt::format("topbar topbar-{}", chrome.verdict_class)}});
  auto inner = b.open("div", {{"class", "wrap topbar-inner"}});
  b.element("span", {{"class", "brand"}}, "glassbox");
  b.element("span", {{"class", fmt::format("badge badge-{}", chrome.verdict_class)}}, chrome.verdict_word);
  b.element("span", {{"class", "topbar-title"}}, suites_text(r));
  if (!is_load_only(r))
    b.element("span", {{"class", "topbar-counts"}},
              fmt::format("{} passed · {} failed · {} error{} · {} skipped", t.passed, t.failed, t.errors,
                          t.errors == 1 ? "" : "s", t.skipped));
  auto nav = b.open("nav");
  b.element("a", {{"href", index + "#summary"}}, "Summary");
  if (!is_load_only(r)) {
    b.element("a", {{"href", index + "#latency"}}, "Latency");
    b.element("a", {{"href", index + "#techniques"}}, fmt::format("Techniques ({} cases)", t.cases));
  }
  if (html::has_service_levels(r)) b.element("a", {{"href", index + "#overview"}}, "SLOs");
  if (!r.coverage_totals.empty()) b.element("a", {{"href", index + "#coverage"}}, "Coverage");
  if (!is_load_only(r)) b.element("a", {{"href", index + "#failures"}}, fmt::format("Failures ({})", t.failed + t.errors));
}

void footer(HtmlBuilder& b, const RunResults& r) {
  auto footer = b.open("footer", {{"class", "wrap footer"}});
  b.element("p", fmt::format("glassbox {} · results schema {} · seed {}{}", r.tool_version.empty() ? "–" : r.tool_version,
                             r.schema_version, r.seed, r.started_at.empty() ? "" : " · started " + r.started_at));
  b.element("p", "These pages are rendered from the run's results JSON, which holds every case in full.");
}

// One page: head, top bar, the content `main` writes, footer.
std::string page(const RunResults& r, const Chrome& chrome, Page kind, std::string_view title, std::size_t size_hint,
                 const std::function<void(HtmlBuilder&)>& main) {
  HtmlBuilder b(size_hint);
  {
    auto html = b.open("html", {{"lang", "en"}});
    head(b, r, chrome, title);
    auto body = b.open("body");
    top_bar(b, r, chrome, kind);
    {
      auto wrap = b.open("main", {{"class", "wrap"}});
      main(b);
    }
    footer(b, r);
  }
  return std::move(b).take();
}

std::string render_index(const RunResults& r, const Chrome& chrome, const PageLayout& layout,
                         const std::map<std::string, std::size_t>& indices, std::vector<html::ServiceKey>& cut_services) {
  return page(r, chrome, Page::Index, "", 256 * 1024, [&](HtmlBuilder& b) {
    html::verdict_banner(b, r);
    html::service_level_overview(b, r);
    html::telemetry_line(b, r);
    {
      auto panels = b.open("div", {{"class", "panels"}});
      if (is_load_only(r)) {
        html::load_latency_panel(b, r);
      } else {
        html::latency_panel(b, r);
        html::technique_panel(b, r, layout);
      }
    }
    html::service_level_section(b, r);
    cut_services = html::coverage_section(b, r, layout, indices);
    if (!is_load_only(r)) html::failures_section(b, r, layout);
  });
}

// Writes every page but index.html, each as soon as it is rendered so only one page is in
// memory at a time. Returns the file names written.
Expected<std::set<std::string>> write_pages(const RunResults& r, const Chrome& chrome, const PageLayout& layout,
                                            const std::map<std::string, std::size_t>& indices,
                                            const std::vector<html::ServiceKey>& cut_services, const fs::path& folder) {
  std::set<std::string> written;
  const auto emit = [&](const std::string& file, const std::string& text) -> Status {
    written.insert(file);
    return write_file_atomically(folder / file, text);
  };
  for (const html::TechniquePages& technique : layout.techniques())
    for (std::size_t p = 0; p < technique.page_count(); ++p) {
      const std::string name = technique.technique.empty() ? std::string("Cases without a technique") : technique.technique;
      const std::string title =
          technique.page_count() == 1 ? name : fmt::format("{} ({}/{})", name, p + 1, technique.page_count());
      const Status s = emit(technique.page_file(p), page(r, chrome, Page::Other, title, 4 * 1024 * 1024, [&](HtmlBuilder& b) {
                               html::technique_cases(b, r, technique, p);
                             }));
      if (!s) return s.error();
    }
  if (chrome.totals.failed + chrome.totals.errors > 0) {
    const Status s = emit(std::string(html::kFailuresPage), page(r, chrome, Page::Other, "Failures", 1024 * 1024, [&](HtmlBuilder& b) {
                             html::failures_list(b, r, layout);
                           }));
    if (!s) return s.error();
  }
  for (const html::ServiceKey& key : cut_services) {
    const Status s = emit(layout.coverage_file(key.first, key.second),
                           page(r, chrome, Page::Other, fmt::format("Coverage {}", key.second), 1024 * 1024,
                                [&](HtmlBuilder& b) { html::coverage_page(b, r, key, layout, indices); }));
    if (!s) return s.error();
  }
  return written;
}

// Pages of an earlier report in the same folder that this one did not write (a technique the
// run no longer has, a page number past the new last one) would be linked from nowhere and
// mislead whoever opens the folder; only our own page names are touched.
void remove_stale_pages(const fs::path& folder, const std::set<std::string>& written) {
  std::error_code ec;
  for (const fs::directory_entry& entry : fs::directory_iterator(folder, ec)) {
    const std::string name = entry.path().filename().string();
    const bool ours = name.ends_with(".html") && (name.starts_with("technique-") || name.starts_with("coverage-") ||
                                                  name == html::kFailuresPage);
    if (ours && !written.count(name)) fs::remove(entry.path(), ec);
  }
}

class HtmlWriter final : public ReportWriter {
 public:
  std::string_view name() const override { return "html"; }
  std::string_view summary() const override {
    return "HTML report folder (index.html, a page per technique, report.css), readable offline and under Jenkins' CSP";
  }

  Status write(const RunResults& results, const std::filesystem::path& destination) const override {
    std::error_code ec;
    if (fs::exists(destination, ec) && !fs::is_directory(destination, ec))
      return Error{fmt::format("cannot write the HTML report to '{}': it exists and is not a folder", destination.string())};
    fs::create_directories(destination, ec);
    if (ec) return Error{fmt::format("cannot create the HTML report folder '{}': {}", destination.string(), ec.message())};
    // The stylesheet first and index.html last: no page refers to a file not written yet.
    if (Status css = write_file_atomically(destination / "report.css", html::report_css()); !css) return css;
    const Chrome chrome{std::string(html::verdict_word(results)), std::string(html::verdict_class(results)), results.totals()};
    const PageLayout layout(results);
    const auto indices = html::case_indices(results);
    std::vector<html::ServiceKey> cut_services;
    const std::string index = render_index(results, chrome, layout, indices, cut_services);
    Expected<std::set<std::string>> written = write_pages(results, chrome, layout, indices, cut_services, destination);
    if (!written) return written.error();
    if (Status s = write_file_atomically(destination / html::kIndexPage, index); !s) return s;
    remove_stale_pages(destination, *written);
    return Unit{};
  }
};

}  // namespace

const ReportWriter& html_writer() {
  static const HtmlWriter writer;
  return writer;
}

}  // namespace glassbox::reports
