// The "Coverage" section of the HTML report: per suite and service, a table of the kinds
// with their goals, then per kind every item with the cases that covered it (links to the
// case entries), the items no case reached, and what spans showed that the model did not
// declare. Nothing at all when the run judged no coverage. index.html lists a few covering
// cases per item; a service whose lists were cut gets its own page with the long lists.
#include <algorithm>
#include <map>
#include <utility>

#include <fmt/format.h>

#include "reports/writers/html_sections.hpp"

namespace glassbox::reports::html {

namespace {

std::string percent_text(double percent) { return fmt::format("{:.1f} %", percent); }

struct Links {
  const PageLayout& layout;
  const std::map<std::string, std::size_t>& indices;
  std::size_t limit;      // covering cases listed per item
};

void totals_table(HtmlBuilder& b, const std::vector<const CoverageTotal*>& totals) {
  auto table = b.open("table", {{"class", "grid-table numeric coverage-table"}});
  {
    auto thead = b.open("thead");
    auto tr = b.open("tr");
    for (std::string_view h : {"Kind", "Covered", "Declared", "Percent", "Goal", "Result"}) b.element("th", h);
  }
  auto tbody = b.open("tbody");
  for (const CoverageTotal* t : totals) {
    const bool judged = t->goal.has_value();
    auto tr = b.open("tr", {{"class", !judged || t->passed() ? "row-good" : "row-bad"}});
    b.element("td", {{"class", "name"}}, t->kind);
    b.element("td", fmt::format("{}", t->covered));
    b.element("td", fmt::format("{}", t->declared));
    b.element("td", percent_text(t->percent()));
    b.element("td", judged ? fmt::format("{} %", *t->goal) : "–");
    auto td = b.open("td");
    if (!judged)
      b.element("span", {{"class", "muted"}}, "not judged");
    else if (t->passed())
      b.element("span", {{"class", "badge badge-passed"}}, "PASS");
    else
      b.element("span", {{"class", "badge badge-failed"}}, "FAIL");
  }
}

// Returns whether the list was cut at links.limit.
bool covering_cases(HtmlBuilder& b, const CoverageItem& item, const Links& links) {
  auto span = b.open("span", {{"class", "coverage-cases"}});
  const std::size_t shown = std::min(item.cases.size(), links.limit);
  for (std::size_t i = 0; i < shown; ++i) {
    if (i != 0) b.text(", ");
    const std::string& id = item.cases[i];
    if (const auto it = links.indices.find(id); it != links.indices.end())
      b.element("a", {{"href", links.layout.case_href(it->second)}}, id);
    else
      b.element("code", id);  // a case of another shard's file: no entry in this report
  }
  if (shown == item.cases.size()) return false;
  b.element("span", {{"class", "muted"}}, fmt::format(" and {} more", item.cases.size() - shown));
  return true;
}

// Returns whether some item's list of covering cases was cut.
bool kind_details(HtmlBuilder& b, const CoverageTotal& t, const std::vector<const CoverageItem*>& items, const Links& links) {
  bool cut = false;
  auto details = b.open("details", {{"class", "coverage-kind"}});
  b.element("summary", fmt::format("{}: {} of {} covered", t.kind, t.covered, t.declared));
  {
    auto list = b.open("ul", {{"class", "coverage-items"}});
    for (const CoverageItem* item : items) {
      if (!item->declared) continue;
      const bool covered = !item->cases.empty();
      auto li = b.open("li", {{"class", covered ? "coverage-covered" : "coverage-missed"}});
      b.element("code", item->item);
      b.text(" ");
      if (covered)
        cut = covering_cases(b, *item, links) || cut;
      else
        b.element("span", {{"class", "badge badge-failed"}}, "NOT COVERED");
    }
  }
  bool any_undeclared = false;
  for (const CoverageItem* item : items) any_undeclared = any_undeclared || !item->declared;
  if (!any_undeclared) return cut;
  b.element("p", {{"class", "muted coverage-undeclared-title"}}, "Seen but not declared:");
  auto list = b.open("ul", {{"class", "coverage-items coverage-undeclared muted"}});
  for (const CoverageItem* item : items) {
    if (item->declared) continue;
    auto li = b.open("li");
    b.element("code", item->item);
    b.text(" ");
    cut = covering_cases(b, *item, links) || cut;
  }
  return cut;
}

std::vector<const CoverageItem*> items_of(const RunResults& r, const CoverageTotal& t) {
  std::vector<const CoverageItem*> items;
  for (const CoverageItem& item : r.coverage)
    if (item.suite == t.suite && item.service == t.service && item.kind == t.kind) items.push_back(&item);
  return items;
}

}  // namespace

std::map<std::string, std::size_t> case_indices(const RunResults& r) {
  std::map<std::string, std::size_t> out;
  for (std::size_t i = 0; i < r.cases.size(); ++i) out.emplace(r.cases[i].id, i);
  return out;
}

std::vector<ServiceKey> coverage_section(HtmlBuilder& b, const RunResults& r, const PageLayout& layout,
                                         const std::map<std::string, std::size_t>& indices) {
  std::vector<ServiceKey> cut_services;
  if (r.coverage_totals.empty()) return cut_services;
  std::vector<ServiceKey> order;
  std::map<ServiceKey, std::vector<const CoverageTotal*>> totals;
  for (const CoverageTotal& t : r.coverage_totals) {
    const ServiceKey key{t.suite, t.service};
    if (!totals.count(key)) order.push_back(key);
    totals[key].push_back(&t);
  }
  const Links links{layout, indices, kCoveringCasesOnIndex};
  auto section = b.open("section", {{"id", "coverage"}, {"class", "panel coverage"}});
  b.element("h2", "Coverage");
  for (const ServiceKey& key : order) {
    auto block = b.open("div", {{"class", "coverage-service"}});
    b.element("h3", fmt::format("{} · {}", key.first, key.second));
    totals_table(b, totals[key]);
    coverage_map(b, r, key.first, key.second, layout, indices);
    bool cut = false;
    for (const CoverageTotal* t : totals[key]) cut = kind_details(b, *t, items_of(r, *t), links) || cut;
    if (!cut) continue;
    cut_services.push_back(key);
    b.element("a", {{"class", "more"}, {"href", layout.coverage_file(key.first, key.second)}},
              "Every covering case of this service →");
  }
  return cut_services;
}

void coverage_page(HtmlBuilder& b, const RunResults& r, const ServiceKey& key, const PageLayout& layout,
                   const std::map<std::string, std::size_t>& indices) {
  const Links links{layout, indices, kCoveringCasesOnPage};
  auto section = b.open("section", {{"id", "coverage"}, {"class", "panel coverage"}});
  b.element("h2", fmt::format("Coverage · {} · {}", key.first, key.second));
  std::vector<const CoverageTotal*> totals;
  for (const CoverageTotal& t : r.coverage_totals)
    if (t.suite == key.first && t.service == key.second) totals.push_back(&t);
  totals_table(b, totals);
  for (const CoverageTotal* t : totals) kind_details(b, *t, items_of(r, *t), links);
  b.element("p", {{"class", "note"}},
            fmt::format("Up to {} covering cases per item are listed; the results JSON holds them all.", kCoveringCasesOnPage));
}

}  // namespace glassbox::reports::html
