#include "suites/model/request.hpp"

#include <algorithm>

#include "suites/model/template.hpp"

namespace glassbox::suite {

std::vector<std::string> Request::referenced_inputs() const {
  std::vector<std::string> all = placeholders(path);
  for (const auto& [k, v] : query)
    for (auto& n : placeholders(v)) all.push_back(std::move(n));
  for (const auto& [k, v] : headers)
    for (auto& n : placeholders(v)) all.push_back(std::move(n));
  if (body) collect_placeholders(*body, all);
  std::vector<std::string> unique;
  for (auto& n : all)
    if (std::find(unique.begin(), unique.end(), n) == unique.end()) unique.push_back(std::move(n));
  return unique;
}

}  // namespace glassbox::suite
