// The "Coverage" section of the HTML report: per suite and service, a table of the kinds
// with their goals, then per kind every item with the cases that covered it (links to the
// case entries), the items no case reached, and what spans showed that the model did not
// declare. Nothing at all when the run judged no coverage.
#include <map>
#include <utility>

#include <fmt/format.h>

#include "reports/writers/html_sections.hpp"

namespace glassbox::reports::html {

namespace {

using ServiceKey = std::pair<std::string, std::string>;  // suite, service

std::string percent_text(double percent) { return fmt::format("{:.1f} %", percent); }

// Case id -> index in results.cases, for links to the case anchors.
std::map<std::string, std::size_t> case_indices(const RunResults& r) {
  std::map<std::string, std::size_t> out;
  for (std::size_t i = 0; i < r.cases.size(); ++i) out.emplace(r.cases[i].id, i);
  return out;
}

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

void covering_cases(HtmlBuilder& b, const CoverageItem& item, const std::map<std::string, std::size_t>& indices) {
  auto span = b.open("span", {{"class", "coverage-cases"}});
  for (std::size_t i = 0; i < item.cases.size(); ++i) {
    if (i != 0) b.text(", ");
    const std::string& id = item.cases[i];
    if (const auto it = indices.find(id); it != indices.end())
      b.element("a", {{"href", "#" + case_anchor(it->second)}}, id);
    else
      b.element("code", id);  // a case of another shard's file: no entry on this page
  }
}

void kind_details(HtmlBuilder& b, const CoverageTotal& t, const std::vector<const CoverageItem*>& items,
                  const std::map<std::string, std::size_t>& indices) {
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
        covering_cases(b, *item, indices);
      else
        b.element("span", {{"class", "badge badge-failed"}}, "NOT COVERED");
    }
  }
  bool any_undeclared = false;
  for (const CoverageItem* item : items) any_undeclared = any_undeclared || !item->declared;
  if (!any_undeclared) return;
  b.element("p", {{"class", "muted coverage-undeclared-title"}}, "Seen but not declared:");
  auto list = b.open("ul", {{"class", "coverage-items coverage-undeclared muted"}});
  for (const CoverageItem* item : items) {
    if (item->declared) continue;
    auto li = b.open("li");
    b.element("code", item->item);
    b.text(" ");
    covering_cases(b, *item, indices);
  }
}

}  // namespace

void coverage_section(HtmlBuilder& b, const RunResults& r) {
  if (r.coverage_totals.empty()) return;
  std::vector<ServiceKey> order;
  std::map<ServiceKey, std::vector<const CoverageTotal*>> totals;
  for (const CoverageTotal& t : r.coverage_totals) {
    const ServiceKey key{t.suite, t.service};
    if (!totals.count(key)) order.push_back(key);
    totals[key].push_back(&t);
  }
  const auto indices = case_indices(r);
  auto section = b.open("section", {{"id", "coverage"}, {"class", "panel coverage"}});
  b.element("h2", "Coverage");
  for (const ServiceKey& key : order) {
    auto block = b.open("div", {{"class", "coverage-service"}});
    b.element("h3", fmt::format("{} · {}", key.first, key.second));
    totals_table(b, totals[key]);
    coverage_map(b, r, key.first, key.second, indices);
    for (const CoverageTotal* t : totals[key]) {
      std::vector<const CoverageItem*> items;
      for (const CoverageItem& item : r.coverage)
        if (item.suite == t->suite && item.service == t->service && item.kind == t->kind) items.push_back(&item);
      kind_details(b, *t, items, indices);
    }
  }
}

}  // namespace glassbox::reports::html
