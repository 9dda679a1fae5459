#include "suites/loader/context.hpp"

#include <algorithm>

namespace glassbox::loader::detail {

SourceLocation Context::at(const YAML::Node& node) const {
  YAML::Mark mark = node.Mark();
  if (mark.is_null()) return SourceLocation{file, 0, 0};
  return SourceLocation{file, mark.line + 1, mark.column + 1};  // yaml-cpp counts from 0
}

Error Context::error(const YAML::Node& node, std::string message) const {
  return Error{std::move(message), at(node)};
}

Error Context::error(const SourceLocation& where, std::string message) const {
  return Error{std::move(message), where};
}

void Context::add_secret(const std::string& value) {
  // An empty secret would "redact" every position of every string.
  if (value.empty()) return;
  if (std::find(secrets.begin(), secrets.end(), value) == secrets.end()) secrets.push_back(value);
}

}  // namespace glassbox::loader::detail
