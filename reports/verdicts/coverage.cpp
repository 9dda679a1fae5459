// Coverage evaluation: for each service and kind, a list of item keys with the cases that
// covered them, built from each case's span rows.
#include "reports/verdicts/coverage.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace glassbox::reports {

namespace {

using suite::CoverageKind;

// Item text of one attribute value: strings as is, other JSON as its text.
std::string value_text(const Value& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

// Items of one service and kind being collected: declared ones in order, then whatever was
// seen; each with its covering cases in run order.
class ItemTable final {
 public:
  void declare(const std::string& item) {
    if (index_.emplace(item, items_.size()).second) items_.push_back({item, true, {}});
  }
  // A case reached `item`; undeclared items are added as seen.
  void cover(const std::string& item, const std::string& case_id) {
    auto [it, inserted] = index_.emplace(item, items_.size());
    if (inserted) items_.push_back({item, false, {}});
    std::vector<std::string>& cases = items_[it->second].cases;
    if (std::find(cases.begin(), cases.end(), case_id) == cases.end()) cases.push_back(case_id);
  }
  bool has_declared() const {
    return std::any_of(items_.begin(), items_.end(), [](const Entry& e) { return e.declared; });
  }
  // `learning`: the suite asks for this kind (paths to learn) though it declares no item yet.
  void append_to(const std::string& suite_name, const std::string& service, CoverageKind kind,
                 std::optional<double> goal, RunResults& results, bool learning = false) const {
    // A kind the suite declares nothing of is not measured: listing every span name as an
    // undeclared operation of a service that only declares branches would be noise.
    if (!has_declared() && !learning) return;
    const std::string kind_name(suite::to_string(kind));
    std::vector<const Entry*> undeclared;
    CoverageTotal total{suite_name, service, kind_name, 0, 0, goal};
    for (const Entry& e : items_) {
      if (!e.declared) {
        undeclared.push_back(&e);
        continue;
      }
      ++total.declared;
      if (!e.cases.empty()) ++total.covered;
      results.coverage.push_back({suite_name, service, kind_name, e.item, true, e.cases});
    }
    // Learning with no baseline yet: what was seen is listed; there is nothing to judge.
    if (learning && total.declared == 0) total.goal.reset();
    std::sort(undeclared.begin(), undeclared.end(), [](const Entry* a, const Entry* b) { return a->item < b->item; });
    for (const Entry* e : undeclared) results.coverage.push_back({suite_name, service, kind_name, e->item, false, e->cases});
    results.coverage_totals.push_back(std::move(total));
  }

 private:
  struct Entry {
    std::string item;
    bool declared;
    std::vector<std::string> cases;
  };
  std::vector<Entry> items_;
  std::map<std::string, std::size_t> index_;
};

std::string condition_item(const std::string& span, const std::vector<std::pair<std::string, std::string>>& values) {
  std::string out = span + "{";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i != 0) out += ",";
    out += values[i].first + "=" + values[i].second;
  }
  return out + "}";
}

// Every combination of the condition's attribute values, first attribute varying slowest.
std::vector<std::string> condition_product(const suite::ConditionModel& c) {
  std::vector<std::vector<std::pair<std::string, std::string>>> combos{{}};
  for (const auto& [attribute, values] : c.attributes) {
    std::vector<std::vector<std::pair<std::string, std::string>>> next;
    for (const auto& combo : combos)
      for (const Value& v : values) {
        auto extended = combo;
        extended.emplace_back(attribute, value_text(v));
        next.push_back(std::move(extended));
      }
    combos = std::move(next);
  }
  std::vector<std::string> out;
  if (c.attributes.empty()) return out;
  for (const auto& combo : combos) out.push_back(condition_item(c.span, combo));
  return out;
}

bool spans_of(const TraceSpan& s, const std::string& service) { return s.service == service; }

void evaluate_service(const std::string& suite_name, const suite::ServiceCoverage& service,
                      const suite::CoverageGoals& model_goals, const std::vector<const CaseResult*>& cases,
                      RunResults& results) {
  const suite::CoverageGoals goals = service.goals.or_else(model_goals);
  ItemTable operations, branches, conditions, paths;
  for (const std::string& op : service.operations) operations.declare(op);
  for (const suite::BranchModel& b : service.branches)
    for (const Value& v : b.values) branches.declare(b.span + "." + b.attribute + "=" + value_text(v));
  for (const suite::ConditionModel& c : service.conditions)
    for (const std::string& item : condition_product(c)) conditions.declare(item);
  for (const suite::PathModel& p : service.paths)
    for (const std::string& shape : p.shapes) paths.declare(p.entry + ": " + shape);

  for (const CaseResult* c : cases) {
    for (std::size_t i = 0; i < c->spans.size(); ++i) {
      const TraceSpan& s = c->spans[i];
      if (!spans_of(s, service.service)) continue;
      operations.cover(s.name, c->id);
      const bool has_attributes = s.attributes.is_object();
      for (const suite::BranchModel& b : service.branches) {
        if (b.span != s.name || !has_attributes) continue;
        const auto found = s.attributes.find(b.attribute);
        if (found != s.attributes.end()) branches.cover(b.span + "." + b.attribute + "=" + value_text(*found), c->id);
      }
      for (const suite::ConditionModel& cond : service.conditions) {
        if (cond.span != s.name || !has_attributes || cond.attributes.empty()) continue;
        std::vector<std::pair<std::string, std::string>> values;
        for (const auto& [attribute, declared_values] : cond.attributes) {
          const auto found = s.attributes.find(attribute);
          if (found == s.attributes.end()) break;
          values.emplace_back(attribute, value_text(*found));
        }
        if (values.size() == cond.attributes.size()) conditions.cover(condition_item(cond.span, values), c->id);
      }
      for (const suite::PathModel& p : service.paths)
        if (p.entry == s.name) paths.cover(p.entry + ": " + path_shape(c->spans, i), c->id);
    }
  }
  operations.append_to(suite_name, service.service, CoverageKind::Operations, goals.operations, results);
  branches.append_to(suite_name, service.service, CoverageKind::Branches, goals.branches, results);
  conditions.append_to(suite_name, service.service, CoverageKind::Conditions, goals.conditions, results);
  const bool learning = std::any_of(service.paths.begin(), service.paths.end(), [](const suite::PathModel& p) { return p.learn; });
  paths.append_to(suite_name, service.service, CoverageKind::Paths, goals.paths, results, learning);
}

std::string shape_of(const std::vector<TraceSpan>& rows, std::size_t index, std::set<std::size_t>& visiting) {
  // A span listing itself as an ancestor (malformed ids) must not recurse forever.
  if (!visiting.insert(index).second) return rows[index].name;
  std::vector<std::string> children;
  const std::string& id = rows[index].span_id;
  if (!id.empty())
    for (std::size_t i = 0; i < rows.size(); ++i)
      if (i != index && rows[i].parent_span_id == id) children.push_back(shape_of(rows, i, visiting));
  visiting.erase(index);
  if (children.empty()) return rows[index].name;
  std::sort(children.begin(), children.end());
  std::string out = rows[index].name + "(";
  for (std::size_t i = 0; i < children.size(); ++i) {
    if (i != 0) out += ",";
    out += children[i];
  }
  return out + ")";
}

}  // namespace

std::string path_shape(const std::vector<TraceSpan>& rows, std::size_t index) {
  if (index >= rows.size()) return "";
  std::set<std::size_t> visiting;
  return shape_of(rows, index, visiting);
}

void evaluate_coverage(const std::string& suite_name, const suite::CoverageModel& model, RunResults& results) {
  std::vector<const CaseResult*> cases;
  for (const CaseResult& c : results.cases)
    if (c.suite == suite_name) cases.push_back(&c);
  for (const suite::ServiceCoverage& service : model.services)
    evaluate_service(suite_name, service, model.goals, cases, results);
}

}  // namespace glassbox::reports
