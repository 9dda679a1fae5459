// Renders the HTML report of a large run (tests/reports_html/large_run.hpp) and prints how long
// the writer took and how big its pages are. Usage: glassbox_html_bench [CASES] [OUT_DIR] [REPEATS]
// (defaults 100000, a folder under the temporary directory, 3). The targets: under 3 s for
// 100,000 cases, index.html under 1 MB.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <fmt/format.h>

#include "large_run.hpp"
#include "reports/writers/writer.hpp"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  const std::size_t cases = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 100'000;
  const fs::path out = argc > 2 ? fs::path(argv[2]) : fs::temp_directory_path() / "glassbox-html-bench";
  const int repeats = argc > 3 ? std::atoi(argv[3]) : 3;

  const auto build_start = std::chrono::steady_clock::now();
  const glassbox::reports::RunResults run = glassbox::reports::testing::large_run(cases);
  const double build_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - build_start).count();
  fmt::print("built a run of {} cases in {:.2f} s\n", run.cases.size(), build_s);

  double best = 1e9;
  for (int r = 0; r < repeats; ++r) {
    fs::remove_all(out);
    const auto start = std::chrono::steady_clock::now();
    const glassbox::Status status = glassbox::reports::html_writer().write(run, out);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!status) {
      fmt::print(stderr, "glassbox_html_bench: {}\n", status.error().to_string());
      return 1;
    }
    best = std::min(best, seconds);
    fmt::print("render {}: {:.3f} s\n", r + 1, seconds);
  }

  std::uintmax_t total = 0, largest = 0;
  std::string largest_name;
  std::size_t pages = 0;
  for (const fs::directory_entry& e : fs::directory_iterator(out)) {
    const std::uintmax_t size = e.file_size();
    total += size;
    if (e.path().extension() != ".html") continue;
    ++pages;
    if (size > largest || (size == largest && e.path().filename().string() < largest_name)) {
      largest = size;
      largest_name = e.path().filename().string();
    }
  }
  const std::uintmax_t index = fs::file_size(out / "index.html");
  fmt::print("best render: {:.3f} s ({:.1f} µs per case)\n", best, best * 1e6 / static_cast<double>(std::max<std::size_t>(cases, 1)));
  fmt::print("pages: {}, total {:.1f} MB\n", pages, static_cast<double>(total) / 1e6);
  fmt::print("index.html: {:.1f} kB\n", static_cast<double>(index) / 1e3);
  fmt::print("largest page: {} {:.1f} MB\n", largest_name, static_cast<double>(largest) / 1e6);
  return best < 3.0 && index < 1'000'000 ? 0 : 2;
}
