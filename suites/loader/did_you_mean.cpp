#include "suites/loader/did_you_mean.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

namespace glassbox::loader::detail {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// Optimal string alignment distance: insertions, deletions, substitutions and swaps of
// neighbours ("dmeo" -> "demo") each cost one, the slips people actually make.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

// Edits from the shorter word to the nearest prefix of the longer one: small when one is
// an abbreviation (or a typo of one) of the other.
std::size_t prefix_distance(std::string_view a, std::string_view b) {
  std::string_view shorter = a.size() <= b.size() ? a : b;
  std::string_view longer = a.size() <= b.size() ? b : a;
  std::size_t best = longer.size() + shorter.size();
  for (std::size_t k = 0; k <= longer.size(); ++k) best = std::min(best, edit_distance(shorter, longer.substr(0, k)));
  return best;
}

// How many edits still look like a slip rather than another word: about one in three.
std::size_t allowed_edits(std::size_t length) { return std::max<std::size_t>(1, (length + 1) / 3); }

// Lower is closer; nullopt when the words are not close. A prefix match costs one more than
// the same number of plain edits, so a plain typo wins a tie against an abbreviation, and
// its allowance follows the shorter word, so a long word does not "abbreviate" every short one.
std::optional<std::size_t> score(std::string_view typed, std::string_view candidate) {
  std::optional<std::size_t> best;
  if (std::size_t full = edit_distance(typed, candidate); full <= allowed_edits(typed.size())) best = full;
  std::size_t shorter = std::min(typed.size(), candidate.size());
  // Prefixes of one or two letters would make nearly everything "close".
  if (shorter >= 3) {
    std::size_t prefix = prefix_distance(typed, candidate) + 1;
    if (prefix <= allowed_edits(shorter) && (!best || prefix < *best)) best = prefix;
  }
  return best;
}

}  // namespace

std::optional<std::string> closest_name(std::string_view typed, const std::vector<std::string>& candidates) {
  std::string typed_lower = lower(typed);
  std::optional<std::string> best;
  std::size_t best_score = 0;
  for (const std::string& candidate : candidates) {
    std::optional<std::size_t> s = score(typed_lower, lower(candidate));
    if (s && (!best || *s < best_score)) {
      best_score = *s;
      best = candidate;
    }
  }
  return best;
}

std::string name_hint(std::string_view typed, const std::vector<std::string>& candidates, std::string_view label,
                      std::string_view none) {
  if (auto close = closest_name(typed, candidates)) return fmt::format(" (did you mean '{}'?)", *close);
  if (candidates.empty()) return fmt::format(" ({})", none);
  return fmt::format(" ({}: {})", label, join_names(candidates));
}

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

}  // namespace glassbox::loader::detail
