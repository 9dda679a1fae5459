// Ingest benchmark of the span receiver: the real receiver (start_span_receiver) with a
// counting sink, fed OTLP/HTTP protobuf batches over loopback keep-alive connections.
// Prints spans per second (wall clock, and per CPU-second of the receiver's thread, which
// is the one-core figure whatever else the machine runs), and sent against counted; exits 1
// when they differ or a request fails, 2 on bad arguments, 3 when the receiver cannot start.
//
//   glassbox_ingest_bench [--spans N] [--batch N] [--connections N] [--receiver-cpu N]
//                         [--stages] [--seed N]
//
// The receiver serves on one thread. Threads inherit the CPU affinity of the thread that
// creates them, so the main thread pins itself to --receiver-cpu while it starts the
// receiver, then moves itself (and the senders it starts) to the other allowed CPUs.
#include <pthread.h>
#include <sched.h>
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <latch>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "bench/ingest/otlp_batches.hpp"
#include "bench/ingest/sender.hpp"
#include "bench/ingest/stage_timings.hpp"
#include "probes/receiver/span_receiver.hpp"

namespace glassbox::bench {
namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  long spans = 1'048'576;
  int batch = 512;
  int connections = 2;
  int receiver_cpu = 0;
  bool stages = false;
  std::uint64_t seed = 1;
};

// Counts what the receiver delivers, and learns the receiver thread's CPU clock from the
// first call (accept runs on that thread).
class CountingSink final : public probes::SpanSink {
 public:
  bool accept(std::vector<Span>&& spans) override {
    if (!clock_known_.load(std::memory_order_acquire)) {
      pthread_getcpuclockid(pthread_self(), &clock_);
      clock_known_.store(true, std::memory_order_release);
    }
    spans_.fetch_add(spans.size(), std::memory_order_relaxed);
    return true;
  }
  std::uint64_t spans() const { return spans_.load(); }
  // CPU seconds the receiver's thread has used; 0 before the first batch.
  double receiver_cpu_seconds() const {
    if (!clock_known_.load(std::memory_order_acquire)) return 0;
    timespec now{};
    clock_gettime(clock_, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
  }

 private:
  std::atomic<std::uint64_t> spans_{0};
  std::atomic<bool> clock_known_{false};
  clockid_t clock_{};
};

bool parse_number(std::string_view text, auto& out) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
  return error == std::errc() && end == text.data() + text.size() && out >= 0;
}

bool parse_options(int argc, char** argv, Options& options) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view flag = argv[i];
    if (flag == "--stages") {
      options.stages = true;
      continue;
    }
    if (i + 1 >= argc) return false;
    const std::string_view value = argv[++i];
    bool ok = false;
    if (flag == "--spans") ok = parse_number(value, options.spans);
    else if (flag == "--batch") ok = parse_number(value, options.batch) && options.batch > 0;
    else if (flag == "--connections") ok = parse_number(value, options.connections) && options.connections > 0;
    else if (flag == "--receiver-cpu") ok = parse_number(value, options.receiver_cpu);
    else if (flag == "--seed") ok = parse_number(value, options.seed);
    if (!ok) return false;
  }
  return true;
}

// The CPUs this process may use, in order.
std::vector<int> allowed_cpus() {
  cpu_set_t set;
  CPU_ZERO(&set);
  std::vector<int> cpus;
  if (sched_getaffinity(0, sizeof set, &set) != 0) return cpus;
  for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu)
    if (CPU_ISSET(cpu, &set)) cpus.push_back(cpu);
  return cpus;
}

// Pins the calling thread (pid 0 = this thread for sched_setaffinity on Linux).
bool pin_this_thread(const std::vector<int>& cpus) {
  cpu_set_t set;
  CPU_ZERO(&set);
  for (int cpu : cpus) CPU_SET(cpu, &set);
  return sched_setaffinity(0, sizeof set, &set) == 0;
}

std::string thousands(double value) {
  std::string digits = fmt::format("{:.0f}", value);
  for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3) digits.insert(static_cast<std::size_t>(at), ",");
  return digits;
}

void print_stages(const std::vector<std::string>& bodies, int batch, double http_cpu_ms_per_batch) {
  const StageTimings t = time_stages(bodies, 3);
  const auto line = [&](std::string_view what, double ms) {
    fmt::print("  {:<58} {:7.3f} ms  {:>10} spans/s\n", what, ms, thousands(batch / ms * 1000));
  };
  fmt::print("\nwhere a batch's time goes (one thread, no sockets), per batch of {} spans:\n", batch);
  line("protobuf parse (ParseFromArray) and free", t.parse_ms);
  line("  the same on a protobuf Arena", t.parse_arena_ms);
  line("ids to hex (trace, span, parent) for every span", t.ids_hex_ms);
  line("attributes to Values for every span", t.attributes_ms);
  line("resource Value copied into every span", t.resource_copy_ms);
  line("decode_otlp_protobuf (parse + all the above + the rest)", t.decode_ms);
  line("destroying the decoded Spans (64 batches' worth at once)", t.destroy_ms);
  line("ExportHandler::handle (admit, decode, sink, free, answer)", t.handler_ms);
  if (http_cpu_ms_per_batch > 0) {
    line("over HTTP: receiver thread CPU per batch", http_cpu_ms_per_batch);
    fmt::print("  {:<58} {:7.3f} ms\n", "  minus the handler: transport (Beast read, copies, write)",
               http_cpu_ms_per_batch - t.handler_ms);
    fmt::print("  (two measurements apart: on a busy machine the difference is noisy, even below 0)\n");
  }
}

int run(const Options& options) {
  const std::vector<int> cpus = allowed_cpus();
  const bool pinned = cpus.size() >= 2 && std::find(cpus.begin(), cpus.end(), options.receiver_cpu) != cpus.end();
  std::vector<int> sender_cpus;
  for (int cpu : cpus)
    if (cpu != options.receiver_cpu) sender_cpus.push_back(cpu);
  if (pinned) pin_this_thread({options.receiver_cpu});

  constexpr int kDistinctBatches = 64;
  const std::vector<std::string> bodies = make_export_batches(kDistinctBatches, options.batch, options.seed);
  std::size_t body_bytes = 0;
  for (const auto& body : bodies) body_bytes += body.size();
  const double mean_body = static_cast<double>(body_bytes) / kDistinctBatches;

  CountingSink sink;
  probes::ReceiverOptions receiver_options;
  receiver_options.port = 0;
  auto receiver = probes::start_span_receiver(receiver_options, sink);
  if (!receiver) {
    fmt::print(stderr, "ingest: {}\n", receiver.error().message);
    return 3;
  }
  if (pinned) pin_this_thread(sender_cpus);  // the receiver's thread stays where it started

  const long batches = std::max(1L, options.spans / options.batch);
  fmt::print("ingest: {} batches x {} spans ({:.1f} KiB of protobuf each) over {} keep-alive connection(s)\n",
             batches, options.batch, mean_body / 1024, options.connections);
  if (pinned)
    fmt::print("receiver thread pinned to CPU {}, senders on CPU(s) {}\n", options.receiver_cpu, fmt::join(sender_cpus, ","));
  else
    fmt::print("not pinned ({} CPU(s) allowed): receiver and senders share them\n", cpus.size());

  // One warm-up batch: the connection pool, allocator and the sink's CPU clock are ready
  // before the clock starts.
  const SendTotals warm_up = send_batches((*receiver)->port(), bodies, 1, options.batch, 1);
  const double cpu_before = sink.receiver_cpu_seconds();
  const auto start = Clock::now();
  const SendTotals sent = send_batches((*receiver)->port(), bodies, batches, options.batch, options.connections);
  const std::chrono::duration<double> wall = Clock::now() - start;
  const double receiver_cpu = sink.receiver_cpu_seconds() - cpu_before;
  const probes::ReceiverStats stats = (*receiver)->stats();
  (*receiver)->stop();

  const std::uint64_t sent_spans = warm_up.spans + sent.spans;
  const std::uint64_t counted = sink.spans();
  fmt::print("sent {} spans, counted {} (receiver accepted {}, rejected {}, refused requests {})\n", sent_spans, counted,
             stats.spans_accepted, stats.spans_rejected, stats.bad_requests + stats.throttled);
  fmt::print("wall {:.3f} s: {} spans/s, {:.0f} batches/s, {:.1f} MiB/s\n", wall.count(),
             thousands(static_cast<double>(sent.spans) / wall.count()), static_cast<double>(sent.batches) / wall.count(),
             static_cast<double>(sent.batches) * mean_body / wall.count() / (1 << 20));
  fmt::print("receiver thread CPU {:.3f} s ({:.0f}% of one core): {} spans per CPU-second\n", receiver_cpu,
             100 * receiver_cpu / wall.count(),
             receiver_cpu > 0 ? thousands(static_cast<double>(sent.spans) / receiver_cpu) : "no");
  fmt::print("senders CPU {:.3f} s\n", sent.cpu_seconds);
  for (const std::string& failure : warm_up.failures) fmt::print(stderr, "ingest: warm-up: {}\n", failure);
  for (const std::string& failure : sent.failures) fmt::print(stderr, "ingest: {}\n", failure);
  if (options.stages && sent.batches > 0 && receiver_cpu > 0) print_stages(bodies, options.batch, 1000 * receiver_cpu / static_cast<double>(sent.batches));

  if (counted != sent_spans || !sent.failures.empty() || !warm_up.failures.empty()) {
    fmt::print(stderr, "ingest: FAILED: sent {} spans, counted {}\n", sent_spans, counted);
    return 1;
  }
  return 0;
}

}  // namespace
}  // namespace glassbox::bench

int main(int argc, char** argv) {
  glassbox::bench::Options options;
  if (!glassbox::bench::parse_options(argc, argv, options)) {
    std::fputs("usage: glassbox_ingest_bench [--spans N] [--batch N] [--connections N] [--receiver-cpu N] [--stages] [--seed N]\n",
               stderr);
    return 2;
  }
  return glassbox::bench::run(options);
}
