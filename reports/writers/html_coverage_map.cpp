// The coverage map of one service: a card per operation (span name) that the model declares
// or the spans showed, green when some case reached it, red when none did, dashed when it was
// seen but not declared; under each, its branch values as chips with the number of cases that
// took them (a chip links to the first of those cases) and the values no case reached. It
// answers "which case covers this branch" and "which branch no case reaches" at a glance.
#include <map>

#include <fmt/format.h>

#include "reports/writers/html_sections.hpp"

namespace glassbox::reports::html {

namespace {

struct OperationCard {
  const CoverageItem* operation = nullptr;      // null: only its branches are modelled
  std::vector<const CoverageItem*> branches;    // "classify.branch=scalene", in model order
};

// The operation a branch item belongs to: the longest known operation name it starts with
// followed by '.', else the text before the first '.'.
std::string operation_of(const std::string& item, const std::vector<std::string>& operations) {
  std::string best;
  for (const std::string& op : operations)
    if (op.size() > best.size() && item.size() > op.size() && item.compare(0, op.size(), op) == 0 && item[op.size()] == '.')
      best = op;
  if (!best.empty()) return best;
  return item.substr(0, item.find('.'));
}

std::string state_class(const CoverageItem* item) {
  if (!item) return "map-none";
  if (!item->declared) return "map-extra";
  return item->cases.empty() ? "map-miss" : "map-hit";
}

void chip(HtmlBuilder& b, const CoverageItem& branch, const std::string& operation, const PageLayout& layout,
          const std::map<std::string, std::size_t>& indices) {
  const std::string value = branch.item.substr(std::min(branch.item.size(), operation.size() + 1));
  const std::string cls = "map-chip " + state_class(&branch);
  const std::string count = branch.cases.empty() ? "no case" : fmt::format("{} case{}", branch.cases.size(),
                                                                               branch.cases.size() == 1 ? "" : "s");
  const std::string title = branch.cases.empty() ? "no case reached this value"
                                                 : fmt::format("first reached by {}", branch.cases.front());
  auto first = branch.cases.empty() ? indices.end() : indices.find(branch.cases.front());
  if (first != indices.end()) {
    auto a = b.open("a", {{"class", cls}, {"href", layout.case_href(first->second)}, {"title", title}});
    b.element("span", {{"class", "map-value"}}, value);
    b.element("span", {{"class", "map-count"}}, count);
  } else {
    auto span = b.open("span", {{"class", cls}, {"title", title}});
    b.element("span", {{"class", "map-value"}}, value);
    b.element("span", {{"class", "map-count"}}, count);
  }
}

}  // namespace

void coverage_map(HtmlBuilder& b, const RunResults& r, const std::string& suite, const std::string& service,
                  const PageLayout& layout, const std::map<std::string, std::size_t>& indices) {
  std::vector<std::string> order;
  std::map<std::string, OperationCard> cards;
  auto card = [&](const std::string& name) -> OperationCard& {
    if (!cards.count(name)) order.push_back(name);
    return cards[name];
  };
  std::vector<std::string> operations;
  for (const CoverageItem& item : r.coverage)
    if (item.suite == suite && item.service == service && item.kind == "operations") {
      operations.push_back(item.item);
      card(item.item).operation = &item;
    }
  for (const CoverageItem& item : r.coverage)
    if (item.suite == suite && item.service == service && item.kind == "branches")
      card(operation_of(item.item, operations)).branches.push_back(&item);
  if (order.empty()) return;

  auto details = b.open("details", {{"class", "coverage-kind coverage-map-details"}, {"open", ""}});
  b.element("summary", "Map: operations and their branches");
  {
    auto legend = b.open("p", {{"class", "map-legend muted"}});
    b.element("span", {{"class", "map-chip map-hit"}}, "reached");
    b.element("span", {{"class", "map-chip map-miss"}}, "no case reaches it");
    b.element("span", {{"class", "map-chip map-extra"}}, "seen, not declared");
  }
  auto grid = b.open("div", {{"class", "coverage-map"}});
  for (const std::string& name : order) {
    const OperationCard& c = cards[name];
    auto box = b.open("div", {{"class", "map-op " + state_class(c.operation)}});
    {
      auto head = b.open("div", {{"class", "map-op-head"}});
      b.element("span", {{"class", "map-op-name"}}, name);
      if (c.operation)
        b.element("span", {{"class", "map-count"}},
                  c.operation->cases.empty() ? "no case"
                                             : fmt::format("{} case{}", c.operation->cases.size(),
                                                           c.operation->cases.size() == 1 ? "" : "s"));
    }
    if (c.branches.empty()) continue;
    auto chips = b.open("div", {{"class", "map-chips"}});
    for (const CoverageItem* branch : c.branches) chip(b, *branch, name, layout, indices);
  }
}

}  // namespace glassbox::reports::html
