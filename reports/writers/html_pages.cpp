#include "reports/writers/html_pages.hpp"

#include <map>
#include <set>

#include <fmt/format.h>

#include "reports/writers/html_sections.hpp"

namespace glassbox::reports::html {

std::string slug(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (out.size() >= kSlugLength) break;
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (alnum) {
      out += c;
    } else if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "x" : out;
}

std::string TechniquePages::page_file(std::size_t page) const {
  return page == 0 ? fmt::format("technique-{}.html", slug) : fmt::format("technique-{}-{}.html", slug, page + 1);
}

namespace {

// Two names that slug alike ("Pair-wise", "pair wise") get "-2", "-3": first come, first named.
std::string unique_name(const std::string& base, std::set<std::string>& taken) {
  std::string unique = base;
  for (int n = 2; taken.count(unique); ++n) unique = fmt::format("{}-{}", base, n);
  taken.insert(unique);
  return unique;
}

}  // namespace

PageLayout::PageLayout(const RunResults& r) {
  std::map<std::string, std::size_t, std::less<>> by_name;
  std::set<std::string> taken;
  for (std::size_t i = 0; i < r.cases.size(); ++i) {
    const std::string& technique = r.cases[i].technique;
    auto it = by_name.find(technique);
    if (it == by_name.end()) {
      const std::string unique = unique_name(technique.empty() ? "none" : slug(technique), taken);
      it = by_name.emplace(technique, techniques_.size()).first;
      techniques_.push_back(TechniquePages{technique, unique, {}});
    }
    techniques_[it->second].cases.push_back(i);
  }
  std::set<std::string> coverage_taken;
  for (const CoverageTotal& t : r.coverage_totals) {
    const auto key = std::make_pair(t.suite, t.service);
    if (coverage_files_.count(key)) continue;
    coverage_files_[key] = fmt::format("coverage-{}.html", unique_name(slug(t.suite) + "--" + slug(t.service), coverage_taken));
  }
  case_page_.resize(r.cases.size());
  for (const TechniquePages& t : techniques_)
    for (std::size_t k = 0; k < t.cases.size(); ++k) case_page_[t.cases[k]] = t.page_file(k / kCasesPerPage);
}

std::string PageLayout::technique_href(std::string_view technique) const {
  for (const TechniquePages& t : techniques_)
    if (t.technique == technique) return t.page_file(0);
  return "";
}

std::string PageLayout::case_href(std::size_t case_index) const {
  std::string href = case_page_.at(case_index);
  href += '#';
  href += case_anchor(case_index);
  return href;
}

std::string PageLayout::coverage_file(const std::string& suite, const std::string& service) const {
  const auto it = coverage_files_.find({suite, service});
  return it == coverage_files_.end() ? std::string() : it->second;
}

}  // namespace glassbox::reports::html
