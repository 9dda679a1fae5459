// Listings of generated cases for `glassbox generate` (no traffic): an aligned table for
// people, CSV for spreadsheets, JSON for tools.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "suites/model/case.hpp"

namespace glassbox::reports {

enum class CaseListFormat { Table, Csv, Json };
std::optional<CaseListFormat> case_list_format(std::string_view name);

struct ListedCase {
  std::string suite;
  const suite::Case* c = nullptr;
};

std::string format_case_list(const std::vector<ListedCase>& cases, CaseListFormat format);

// One line summary of an expectation: "status 200; /kind equals \"scalene\"; latency <= 500 ms".
std::string describe_expectation(const suite::Expectation& e);

}  // namespace glassbox::reports
