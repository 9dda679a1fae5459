// glassbox_load_bench URL [REQUESTS] [CONNECTIONS]
// Runs a closed load profile (CONNECTIONS workers, REQUESTS measured requests, GET URL)
// through run_load, as `glassbox run` does in its load phase, and prints one line per
// figure: requests, seconds, requests/s, errors, latency percentiles, the process's CPU
// time per request and its peak resident set (VmHWM). Exit status 1 when any request failed.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

#include <fmt/core.h>

#include "probes/load/load_driver.hpp"

namespace {

// Peak resident set size in KiB, from /proc/self/status.
long peak_rss_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: glassbox_load_bench URL [REQUESTS] [CONNECTIONS]\n");
    return 2;
  }
  using namespace glassbox;
  const std::uint64_t requests = argc > 2 ? std::stoull(argv[2]) : 1'000'000;
  const int connections = argc > 3 ? std::stoi(argv[3]) : 32;

  probes::LoadPlan plan;
  plan.suite = "bench";
  plan.profile.model = suite::LoadModel::Closed;
  plan.profile.workers = connections;
  plan.profile.count = requests;
  probes::LoadRequest request;
  request.key = "bench/data";
  request.request.url = argv[1];
  plan.requests.push_back(request);

  const double cpu_before = cpu_seconds();
  const auto start = std::chrono::steady_clock::now();
  const reports::LoadResult result = probes::run_load(plan);
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cpu = cpu_seconds() - cpu_before;

  fmt::print("profile            {}\n", result.profile);
  fmt::print("requests           {}\n", result.completed);
  fmt::print("errors             {}\n", result.errors);
  fmt::print("wall_s             {:.3f}\n", wall);
  fmt::print("requests_per_s     {:.0f}\n", static_cast<double>(result.completed) / wall);
  fmt::print("cpu_us_per_request {:.2f}\n", cpu / static_cast<double>(result.completed) * 1e6);
  fmt::print("latency_us         p50 {} p99 {} p99.9 {} max {}\n", result.latency.quantile(0.5),
             result.latency.quantile(0.99), result.latency.quantile(0.999), result.latency.max());
  fmt::print("peak_rss_kib       {}\n", peak_rss_kib());
  return result.errors == 0 && result.completed == requests ? 0 : 1;
}
