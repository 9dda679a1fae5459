#include "suites/model/expected.hpp"

#include <fmt/format.h>

namespace glassbox {

std::string SourceLocation::to_string() const {
  if (file.empty()) return {};
  if (line <= 0) return file;
  if (column <= 0) return fmt::format("{}:{}", file, line);
  return fmt::format("{}:{}:{}", file, line, column);
}

std::string Error::to_string() const {
  std::string at = where.to_string();
  return at.empty() ? message : at + ": " + message;
}

}  // namespace glassbox
