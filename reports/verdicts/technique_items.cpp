#include "reports/verdicts/technique_items.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include <fmt/format.h>

namespace glassbox::reports {

std::vector<TechniqueItems> technique_items(const RunResults& results) {
  using Key = std::tuple<std::string, std::string, std::string>;  // technique, form, kind
  std::vector<Key> order;
  std::map<Key, std::map<std::string, bool>> items;  // item -> every covering case passed
  for (const CaseResult& c : results.cases) {
    for (const std::string& cover : c.covers) {
      const auto colon = cover.find(':');
      const std::string kind = colon == std::string::npos ? "item" : cover.substr(0, colon);
      Key key{c.technique, c.form, kind};
      auto [it, inserted] = items.try_emplace(key);
      if (inserted) order.push_back(key);
      auto [item, first] = it->second.try_emplace(cover, true);
      item->second = item->second && c.outcome == Outcome::Passed;
    }
  }
  std::vector<TechniqueItems> out;
  for (const Key& key : order) {
    const auto& seen = items.at(key);
    const int held = static_cast<int>(std::count_if(seen.begin(), seen.end(), [](const auto& e) { return e.second; }));
    out.push_back({std::get<0>(key), std::get<1>(key), std::get<2>(key), static_cast<int>(seen.size()), held});
  }
  return out;
}

std::string items_summary(const std::vector<TechniqueItems>& all, const std::string& technique, const std::string& form) {
  std::string out;
  for (const TechniqueItems& t : all) {
    if (t.technique != technique || t.form != form) continue;
    out += fmt::format("{}{} {}/{}", out.empty() ? "" : ", ", t.kind, t.held, t.items);
  }
  return out;
}

}  // namespace glassbox::reports
