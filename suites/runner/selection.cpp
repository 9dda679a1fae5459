#include <fnmatch.h>

#include <algorithm>
#include <charconv>
#include <cstdint>

#include <fmt/format.h>

#include "suites/runner/runner.hpp"

namespace glassbox::runner {

Expected<Shard> parse_shard(std::string_view text) {
  auto slash = text.find('/');
  Shard s;
  auto parse = [](std::string_view part, int& out) {
    auto [p, ec] = std::from_chars(part.data(), part.data() + part.size(), out);
    return ec == std::errc() && p == part.data() + part.size();
  };
  if (slash == std::string_view::npos || !parse(text.substr(0, slash), s.index) ||
      !parse(text.substr(slash + 1), s.count))
    return Error(fmt::format("--shard must look like I/N (e.g. 2/3), got '{}'", text));
  if (s.count < 1 || s.index < 1 || s.index > s.count)
    return Error(fmt::format("--shard {}: I must be between 1 and N", text));
  return s;
}

namespace {
// FNV-1a, 64 bits: a fixed function of the id's bytes, the same on every agent and release.
std::uint64_t stable_hash(std::string_view id) {
  std::uint64_t h = 14695981039346656037ULL;
  for (unsigned char c : id) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}
}  // namespace

int shard_of(std::string_view case_id, int count) {
  return static_cast<int>(stable_hash(case_id) % static_cast<std::uint64_t>(std::max(count, 1))) + 1;
}

std::vector<std::size_t> select_cases(const std::vector<std::string>& case_ids, const std::string& filter,
                                      const std::optional<Shard>& shard) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < case_ids.size(); ++i) {
    if (shard && shard_of(case_ids[i], shard->count) != shard->index) continue;
    if (!filter.empty() && fnmatch(filter.c_str(), case_ids[i].c_str(), 0) != 0) continue;
    out.push_back(i);
  }
  return out;
}

}  // namespace glassbox::runner
