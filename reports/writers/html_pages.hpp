// How the HTML report is split into pages: index.html holds the first screen and links
// to one page per technique (`technique-<name>.html`, split into numbered pages
// `technique-<name>-2.html`, ... past kCasesPerPage cases), a page listing every failure,
// and a coverage page per service whose items were cut on index.html. The layout is a
// pure function of the results, so every page's name and every link is deterministic.
//
// Immutable once built; safe to share between threads.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "reports/model/results.hpp"

namespace glassbox::reports::html {

// A technique page past this many cases continues on a numbered page.
inline constexpr std::size_t kCasesPerPage = 2000;
// index.html shows this many failing cases in full and links to the failures page for all.
inline constexpr std::size_t kInlineFailures = 200;
// index.html lists this many covering cases per coverage item; the service's coverage page
// lists up to kCoveringCasesOnPage.
inline constexpr std::size_t kCoveringCasesOnIndex = 10;
inline constexpr std::size_t kCoveringCasesOnPage = 1000;

inline constexpr std::string_view kIndexPage = "index.html";
inline constexpr std::string_view kFailuresPage = "failures.html";

struct TechniquePages {
  std::string technique;              // as the cases name it; "" when cases name none
  std::string slug;                   // file-name part, unique among the run's techniques
  std::vector<std::size_t> cases;     // indices into results.cases, in run order
  std::size_t page_count() const { return (cases.size() + kCasesPerPage - 1) / kCasesPerPage; }
  std::string page_file(std::size_t page) const;   // page is 0-based: "technique-x.html", "technique-x-2.html"
};

class PageLayout final {
 public:
  explicit PageLayout(const RunResults& results);

  const std::vector<TechniquePages>& techniques() const { return techniques_; }
  // The technique's first page ("technique-boundaries.html"); "" for an unknown technique.
  std::string technique_href(std::string_view technique) const;
  // The case's entry: "technique-boundaries-2.html#case-2417".
  std::string case_href(std::size_t case_index) const;
  // The coverage page of one service of one suite: "coverage-shop--checkout.html"; unique
  // per (suite, service) of results.coverage_totals, "" for others.
  std::string coverage_file(const std::string& suite, const std::string& service) const;

 private:
  std::vector<TechniquePages> techniques_;
  std::map<std::pair<std::string, std::string>, std::string> coverage_files_;
  std::vector<std::string> case_page_;   // per case index: its page's file name
};

// Lowercase letters, digits and '-', from any text ("Error guessing" -> "error-guessing"),
// at most kSlugLength characters; "x" when nothing usable is left. Names come from suites,
// so this is also what keeps a page inside the report folder: no '/', no "..", no long name.
inline constexpr std::size_t kSlugLength = 60;
std::string slug(std::string_view text);

}  // namespace glassbox::reports::html
