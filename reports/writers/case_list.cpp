#include "reports/writers/case_list.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace glassbox::reports {

std::optional<CaseListFormat> case_list_format(std::string_view name) {
  if (name == "table") return CaseListFormat::Table;
  if (name == "csv") return CaseListFormat::Csv;
  if (name == "json") return CaseListFormat::Json;
  return std::nullopt;
}

std::string describe_expectation(const suite::Expectation& e) {
  std::vector<std::string> parts;
  if (e.status) parts.push_back("status " + e.status->to_string());
  for (const auto& h : e.headers) {
    std::string operand = h.kind == suite::MatchKind::Exists || h.kind == suite::MatchKind::Absent ? "" : " " + h.operand;
    parts.push_back(fmt::format("header {} {}{}", h.name, suite::to_string(h.kind), operand));
  }
  for (const auto& j : e.json) {
    std::string operand = j.kind == suite::MatchKind::Exists || j.kind == suite::MatchKind::Absent
                              ? ""
                              : " " + (j.operand.is_string() ? j.operand.get<std::string>() : j.operand.dump());
    parts.push_back(fmt::format("{} {}{}", j.pointer, suite::to_string(j.kind), operand));
  }
  if (e.latency_max_ms) parts.push_back(fmt::format("latency <= {} ms", *e.latency_max_ms));
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out.empty() ? "(nothing)" : out;
}

namespace {

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string status_of(const suite::Case& c) { return c.expect.status ? c.expect.status->to_string() : "any"; }

std::string format_table(const std::vector<ListedCase>& cases) {
  const std::vector<std::string> header = {"#", "request", "technique", "stands for", "inputs", "expect"};
  std::vector<std::vector<std::string>> rows;
  std::size_t n = 0;
  for (const ListedCase& lc : cases) {
    const suite::Case& c = *lc.c;
    rows.push_back({std::to_string(++n), c.request, c.technique + "/" + c.form, c.label, c.inputs_as_json().dump(),
                    status_of(c) + (c.expected_outcome == "valid" ? "" : " " + c.expected_outcome)});
  }
  // Long inputs would push every column off screen; cap each column and let JSON/CSV carry all.
  constexpr std::size_t kMaxWidth = 48;
  std::vector<std::size_t> width(header.size());
  for (std::size_t i = 0; i < header.size(); ++i) width[i] = header[i].size();
  for (auto& row : rows)
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (row[i].size() > kMaxWidth) row[i] = row[i].substr(0, kMaxWidth - 3) + "...";
      width[i] = std::max(width[i], row[i].size());
    }
  auto line = [&](const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      out += cells[i];
      if (i + 1 < cells.size()) out += std::string(width[i] - cells[i].size() + 2, ' ');
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::string out = line(header);
  for (const auto& row : rows) out += line(row);
  out += fmt::format("{} cases\n", rows.size());
  return out;
}

std::string format_csv(const std::vector<ListedCase>& cases) {
  std::string out = "suite,id,request,technique,form,stands_for,expected_outcome,expect,inputs\r\n";
  for (const ListedCase& lc : cases) {
    const suite::Case& c = *lc.c;
    for (const std::string& field : {lc.suite, c.id, c.request, c.technique, c.form, c.label, c.expected_outcome,
                                     describe_expectation(c.expect)})
      out += csv_field(field) + ",";
    out += csv_field(c.inputs_as_json().dump()) + "\r\n";
  }
  return out;
}

std::string format_json(const std::vector<ListedCase>& cases) {
  Value out = Value::array();
  for (const ListedCase& lc : cases) {
    const suite::Case& c = *lc.c;
    Value classes = Value::object();
    for (const suite::Binding& b : c.bindings)
      classes[b.input] = {{"class", b.class_name}, {"valid", b.valid}, {"boundary", b.boundary},
                          {"under_test", b.under_test}};
    Value entry{{"suite", lc.suite}, {"id", c.id}, {"request", c.request}, {"technique", c.technique},
                {"form", c.form}, {"stands_for", c.label}, {"inputs", c.inputs_as_json()},
                {"classes", classes}, {"expected_outcome", c.expected_outcome},
                {"expect", describe_expectation(c.expect)}};
    // Only where there is something to list, so single-request listings stay as they were.
    if (!c.covers.empty()) entry["covers"] = c.covers;
    if (!c.steps.empty()) {
      Value steps = Value::array();
      for (const suite::Step& s : c.steps) {
        Value inputs = Value::object();
        for (const suite::Binding& b : s.bindings) inputs[b.input] = b.value;
        steps.push_back({{"request", s.request}, {"label", s.label}, {"inputs", std::move(inputs)},
                         {"expect", describe_expectation(s.expect)}});
      }
      entry["steps"] = std::move(steps);
    }
    out.push_back(std::move(entry));
  }
  return out.dump(2) + "\n";
}

}  // namespace

std::string format_case_list(const std::vector<ListedCase>& cases, CaseListFormat format) {
  switch (format) {
    case CaseListFormat::Table: return format_table(cases);
    case CaseListFormat::Csv: return format_csv(cases);
    case CaseListFormat::Json: return format_json(cases);
  }
  return {};
}

}  // namespace glassbox::reports
