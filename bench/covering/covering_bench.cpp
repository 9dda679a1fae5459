// Rows of glassbox's covering arrays next to the best sizes known (Colbourn's covering
// array tables) on the standard models of the literature, with the time each took and
// an independent coverage check of every array.
//
// Usage: glassbox_covering_bench [--seed N] [--effort UNITS] [--only NAME]
#include <chrono>
#include <ctime>
#include <cstdlib>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "generators/combinatorial/covering_array.hpp"

namespace {

using glassbox::generators::combinatorial::CaModel;

struct Benchmark {
  std::string name;                                     // e.g. "3^13", "4^1 3^39 2^35"
  std::vector<std::pair<std::size_t, std::size_t>> parts;  // (levels, count)
  int strength;
  std::size_t best_known;
};

const std::vector<Benchmark> kModels = {
    {"2^10", {{2, 10}}, 2, 6},
    {"2^20", {{2, 20}}, 2, 8},
    {"2^100", {{2, 100}}, 2, 10},
    {"3^4", {{3, 4}}, 2, 9},
    {"3^13", {{3, 13}}, 2, 15},
    {"3^40", {{3, 40}}, 2, 18},
    {"4^15", {{4, 15}}, 2, 26},
    {"5^10", {{5, 10}}, 2, 36},
    {"6^6", {{6, 6}}, 2, 41},
    {"10^10", {{10, 10}}, 2, 115},
    {"10^20", {{10, 20}}, 2, 155},
    {"4^1 3^39 2^35", {{4, 1}, {3, 39}, {2, 35}}, 2, 21},
    {"5^1 3^8 2^2", {{5, 1}, {3, 8}, {2, 2}}, 2, 15},
    {"2^10 (t=3)", {{2, 10}}, 3, 12},
    {"3^6 (t=3)", {{3, 6}}, 3, 33},
};

}  // namespace

int main(int argc, char** argv) {
  std::uint64_t seed = 1;
  std::uint64_t effort = glassbox::generators::combinatorial::kDefaultEffort;
  std::string only;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--seed") seed = std::strtoull(argv[i + 1], nullptr, 10);
    else if (flag == "--effort") effort = std::strtoull(argv[i + 1], nullptr, 10);
    else if (flag == "--only") only = argv[i + 1];
  }
  fmt::print("| model | t | rows | best known | ratio | before local search | wall | CPU | method | check |\n");
  fmt::print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
  int failures = 0;
  for (const Benchmark& b : kModels) {
    if (!only.empty() && b.name != only) continue;
    CaModel model;
    for (auto [levels, count] : b.parts) model.levels.insert(model.levels.end(), count, levels);
    model.strength = b.strength;
    model.seed = seed;
    model.effort = effort;
    // CPU time as well as wall time: on a shared machine the CPU figure is the one that
    // does not depend on what else runs.
    auto start = std::chrono::steady_clock::now();
    std::clock_t cpu_start = std::clock();
    auto array = glassbox::generators::combinatorial::build_covering_array(model);
    double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!array) {
      fmt::print("| {} | {} | error: {} |\n", b.name, b.strength, array.error().message);
      ++failures;
      continue;
    }
    auto check = glassbox::generators::combinatorial::check_covering_array(model, *array);
    CaModel unoptimised = model;
    unoptimised.effort = 0;
    auto start_point = glassbox::generators::combinatorial::build_covering_array(unoptimised);
    if (!check) ++failures;
    fmt::print("| {} | {} | {} | {} | {:.2f} | {} | {:.2f} s | {:.2f} s | {} | {} |\n", b.name, b.strength,
               array->rows.size(), b.best_known,
               static_cast<double>(array->rows.size()) / static_cast<double>(b.best_known),
               start_point ? start_point->rows.size() : 0, seconds, cpu,
               array->method, check ? "covers" : check.error().message);
    std::fflush(stdout);
  }
  return failures == 0 ? 0 : 1;
}
