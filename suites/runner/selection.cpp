#include <fnmatch.h>

#include <charconv>

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

std::vector<std::size_t> select_cases(const std::vector<std::string>& case_ids, const std::string& filter,
                                      const std::optional<Shard>& shard) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < case_ids.size(); ++i) {
    if (shard && static_cast<int>(i % shard->count) != shard->index - 1) continue;
    if (!filter.empty() && fnmatch(filter.c_str(), case_ids[i].c_str(), 0) != 0) continue;
    out.push_back(i);
  }
  return out;
}

}  // namespace glassbox::runner
