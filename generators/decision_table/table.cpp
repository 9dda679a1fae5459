#include "generators/decision_table/table.hpp"

#include <algorithm>
#include <functional>

#include <fmt/format.h>

#include "generators/case_builder.hpp"

namespace glassbox::generators::decisions {

namespace {

// The value indices a rule accepts for condition k.
std::vector<std::size_t> accepted(const Table& table, const Rule& rule, std::size_t k) {
  if (!rule.allowed[k].empty()) return rule.allowed[k];
  std::vector<std::size_t> all(table.conditions[k].values.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  return all;
}

// Calls `visit` with every combination the rule accepts, in table order.
void for_each_covered(const Table& table, const Rule& rule,
                      const std::function<void(const std::vector<std::size_t>&)>& visit) {
  std::vector<std::vector<std::size_t>> choices;
  std::vector<std::size_t> sizes;
  for (std::size_t k = 0; k < table.conditions.size(); ++k) {
    choices.push_back(accepted(table, rule, k));
    sizes.push_back(choices.back().size());
  }
  for_each_combination(sizes, [&](const std::vector<std::size_t>& indices) {
    std::vector<std::size_t> combination(indices.size());
    for (std::size_t k = 0; k < indices.size(); ++k) combination[k] = choices[k][indices[k]];
    visit(combination);
  });
}

std::string prefix(const Table& table) { return fmt::format("decision table of {}", table.owner); }

Status check_size(const Table& table) {
  double count = 1;
  for (const Condition& c : table.conditions) count *= static_cast<double>(c.values.size());
  if (count <= kMaxCombinations) return ok_status();
  return Error{fmt::format("{} has {:.0f} combinations of conditions (the limit is {:.0f}); split it into smaller "
                           "tables",
                           prefix(table), count, kMaxCombinations),
               table.where};
}

// The values both rules accept for condition k, in domain order.
std::vector<std::size_t> shared_values(const Table& table, const Rule& a, const Rule& b, std::size_t k) {
  std::vector<std::size_t> shared;
  for (std::size_t v : accepted(table, a, k)) {
    const auto& other = b.allowed[k];
    if (other.empty() || std::find(other.begin(), other.end(), v) != other.end()) shared.push_back(v);
  }
  std::sort(shared.begin(), shared.end());
  return shared;
}

Status check_consistent(const Table& table) {
  for (std::size_t j = 0; j < table.rules.size(); ++j) {
    for (std::size_t i = 0; i < j; ++i) {
      const Rule& earlier = table.rules[i];
      const Rule& later = table.rules[j];
      if (earlier.action == later.action) continue;
      // Two rules overlap exactly when they share a value on every condition.
      std::vector<std::size_t> first;
      double count = 1;
      for (std::size_t k = 0; k < table.conditions.size() && count > 0; ++k) {
        std::vector<std::size_t> shared = shared_values(table, earlier, later, k);
        count *= static_cast<double>(shared.size());
        if (!shared.empty()) first.push_back(shared.front());
      }
      if (count == 0) continue;
      std::string more = count > 1 ? fmt::format(" (and {:.0f} more combinations)", count - 1) : "";
      return Error{fmt::format("{}: rules {} and {} both cover {} with different expectations{}", prefix(table),
                               earlier.id, later.id, describe(table, first), more),
                   later.where};
    }
  }
  return ok_status();
}

Status check_complete(const Table& table) {
  std::vector<std::size_t> sizes;
  for (const Condition& c : table.conditions) sizes.push_back(c.values.size());
  std::vector<std::string> missing;
  for_each_combination(sizes, [&](const std::vector<std::size_t>& combination) {
    bool covered = std::any_of(table.rules.begin(), table.rules.end(),
                               [&](const Rule& r) { return covers(r, combination); });
    if (!covered) missing.push_back(describe(table, combination));
  });
  if (missing.empty()) return ok_status();
  std::string listed;
  for (std::size_t i = 0; i < std::min(missing.size(), kMissingShown); ++i)
    listed += (i == 0 ? "" : "; ") + missing[i];
  if (missing.size() > kMissingShown) listed += fmt::format(" (and {} more)", missing.size() - kMissingShown);
  return Error{fmt::format("{} is incomplete: no rule covers {}", prefix(table), listed), table.where};
}

Status check_redundant(const Table& table) {
  std::vector<bool> removed(table.rules.size(), false);
  std::vector<std::vector<std::string>> covered_by(table.rules.size());
  for (std::size_t k = table.rules.size(); k-- > 0;) {
    std::vector<bool> helps(table.rules.size(), false);
    bool all_covered = true;
    for_each_covered(table, table.rules[k], [&](const std::vector<std::size_t>& combination) {
      bool found = false;
      for (std::size_t j = 0; j < table.rules.size(); ++j) {
        if (j == k || removed[j] || !covers(table.rules[j], combination)) continue;
        helps[j] = true;
        found = true;
      }
      if (!found) all_covered = false;
    });
    if (!all_covered) continue;
    removed[k] = true;
    for (std::size_t j = 0; j < table.rules.size(); ++j)
      if (helps[j]) covered_by[k].push_back(table.rules[j].id);
  }
  for (std::size_t k = 0; k < table.rules.size(); ++k) {
    if (!removed[k]) continue;
    std::string others;
    for (const std::string& id : covered_by[k]) others += (others.empty() ? "" : ", ") + id;
    return Error{fmt::format("{}: rule {} is redundant: every combination it covers is covered by {} with the same "
                             "expectation; remove it",
                             prefix(table), table.rules[k].id, others),
                 table.rules[k].where};
  }
  return ok_status();
}

}  // namespace

bool covers(const Rule& rule, const std::vector<std::size_t>& combination) {
  for (std::size_t k = 0; k < combination.size(); ++k) {
    const auto& allowed = rule.allowed[k];
    if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), combination[k]) == allowed.end()) return false;
  }
  return true;
}

std::string describe(const Table& table, const std::vector<std::size_t>& combination) {
  std::string text;
  for (std::size_t k = 0; k < combination.size(); ++k)
    text += fmt::format("{}{}={}", k == 0 ? "" : ", ", table.conditions[k].name,
                        table.conditions[k].values[combination[k]]);
  return text;
}

Status check_table(const Table& table) {
  if (Status s = check_size(table); !s) return s;
  if (Status s = check_consistent(table); !s) return s;
  if (Status s = check_complete(table); !s) return s;
  return check_redundant(table);
}

std::vector<std::size_t> pick_combination(const Table& table, const Rule& rule, SplitMix64& rng) {
  std::vector<std::size_t> combination;
  for (std::size_t k = 0; k < table.conditions.size(); ++k) {
    const Condition& condition = table.conditions[k];
    if (!rule.allowed[k].empty()) {
      combination.push_back(rule.allowed[k][rng.index(rule.allowed[k].size())]);
    } else {
      std::size_t n = condition.preferred == 0 ? condition.values.size() : condition.preferred;
      combination.push_back(rng.index(n));
    }
  }
  return combination;
}

}  // namespace glassbox::generators::decisions
