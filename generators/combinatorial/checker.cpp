// check_covering_array: the independent check (covering_array.hpp). It deliberately
// shares nothing with the builder (no tuple numbering, no constraint index), so a bug
// in one is not repeated in the other: brute force over subsets and values.
#include <functional>
#include <set>

#include <fmt/format.h>

#include "generators/combinatorial/covering_array.hpp"

namespace glassbox::generators::combinatorial {

namespace {

constexpr std::size_t kFree = static_cast<std::size_t>(-1);

std::string describe(const std::vector<std::size_t>& partial) {
  std::string out;
  for (std::size_t p = 0; p < partial.size(); ++p)
    if (partial[p] != kFree) out += fmt::format("{}p{}={}", out.empty() ? "" : ", ", p, partial[p]);
  return "(" + out + ")";
}

bool holds(const std::vector<std::size_t>& row, const Combination& combination) {
  for (const Assignment& a : combination)
    if (a.parameter >= row.size() || row[a.parameter] != a.value) return false;
  return true;
}

bool holds_forbidden(const CaModel& model, const std::vector<std::size_t>& row) {
  for (const Combination& f : model.forbidden)
    if (holds(row, f)) return true;
  return false;
}

// Whether the free cells of `partial` can be filled with no forbidden combination.
bool extensible(const CaModel& model, std::vector<std::size_t>& partial, std::size_t from) {
  while (from < partial.size() && partial[from] != kFree) ++from;
  if (from == partial.size()) return !holds_forbidden(model, partial);
  for (std::size_t v = 0; v < model.levels[from]; ++v) {
    partial[from] = v;
    bool ok = extensible(model, partial, from + 1);
    partial[from] = kFree;
    if (ok) return true;
  }
  return false;
}

}  // namespace

Status check_covering_array(const CaModel& model, const CoveringArray& array) {
  const std::size_t k = model.levels.size();
  for (std::size_t r = 0; r < array.rows.size(); ++r) {
    const auto& row = array.rows[r];
    if (row.size() != k) return Error{fmt::format("row {} has {} values for {} parameters", r, row.size(), k)};
    for (std::size_t p = 0; p < k; ++p)
      if (row[p] >= model.levels[p]) return Error{fmt::format("row {} gives p{} value {} of {}", r, p, row[p], model.levels[p])};
    for (const Combination& f : model.forbidden) {
      if (!holds(row, f)) continue;
      std::vector<std::size_t> shown(k, kFree);
      for (const Assignment& a : f) shown[a.parameter] = a.value;
      return Error{fmt::format("row {} holds forbidden combination {}", r, describe(shown))};
    }
  }
  for (const Combination& required : model.required) {
    bool found = false;
    for (const auto& row : array.rows) found = found || holds(row, required);
    if (found) continue;
    std::vector<std::size_t> shown(k, kFree);
    for (const Assignment& a : required) shown[a.parameter] = a.value;
    return Error{fmt::format("required combination {} is in no row", describe(shown))};
  }

  const std::size_t t = std::min<std::size_t>(static_cast<std::size_t>(std::max(model.strength, 1)), k);
  std::vector<std::size_t> columns;
  std::optional<Error> failure;
  // Every t-subset of columns, then every combination of values on it.
  std::function<void(std::size_t)> subsets = [&](std::size_t from) {
    if (failure) return;
    if (columns.size() == t) {
      std::set<std::vector<std::size_t>> seen;
      for (const auto& row : array.rows) {
        std::vector<std::size_t> values;
        for (std::size_t c : columns) values.push_back(row[c]);
        seen.insert(values);
      }
      std::vector<std::size_t> values(t, 0);
      while (!failure) {
        if (!seen.count(values)) {
          std::vector<std::size_t> partial(k, kFree);
          for (std::size_t i = 0; i < t; ++i) partial[columns[i]] = values[i];
          std::vector<std::size_t> probe = partial;
          if (extensible(model, probe, 0)) failure = Error{fmt::format("missing tuple {}", describe(partial))};
        }
        std::size_t i = t;
        while (i > 0 && ++values[i - 1] == model.levels[columns[i - 1]]) values[--i] = 0;
        if (i == 0) break;
      }
      return;
    }
    for (std::size_t c = from; c < k; ++c) {
      columns.push_back(c);
      subsets(c + 1);
      columns.pop_back();
    }
  };
  if (k > 0) subsets(0);
  if (failure) return *failure;
  return ok_status();
}

}  // namespace glassbox::generators::combinatorial
