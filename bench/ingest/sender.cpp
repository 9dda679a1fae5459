// Requests are built once per distinct body and written again and again: the client's own
// cost per batch is then a write of bytes that are ready and the parse of a small answer,
// so the figures measure the receiver, not the bench.
#include "bench/ingest/sender.hpp"

#include <sys/resource.h>

#include <latch>
#include <mutex>
#include <thread>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <fmt/format.h>

namespace glassbox::bench {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

constexpr std::size_t kMaxFailuresKept = 5;

double thread_cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_THREAD, &usage);
  const auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

std::vector<http::request<http::string_body>> prepare(const std::vector<std::string>& bodies) {
  std::vector<http::request<http::string_body>> requests;
  for (const std::string& body : bodies) {
    http::request<http::string_body> request{http::verb::post, "/v1/traces", 11};
    request.set(http::field::host, "127.0.0.1");
    request.set(http::field::content_type, "application/x-protobuf");
    request.set(http::field::user_agent, "glassbox-ingest-bench");
    request.keep_alive(true);
    request.body() = body;
    request.prepare_payload();
    requests.push_back(std::move(request));
  }
  return requests;
}

struct ConnectionResult {
  std::uint64_t batches = 0;
  double cpu_seconds = 0;
  std::vector<std::string> failures;
};

void run_connection(int number, std::uint16_t port, const std::vector<http::request<http::string_body>>& requests,
                    long first, long count, std::latch& ready, ConnectionResult& out) {
  net::io_context ioc;
  beast::tcp_stream stream(ioc);
  beast::flat_buffer buffer;
  beast::error_code ec;
  stream.connect(tcp::endpoint(net::ip::make_address_v4("127.0.0.1"), port), ec);
  ready.arrive_and_wait();  // every connection is open before the first batch goes
  const double cpu_start = thread_cpu_seconds();
  if (ec) out.failures.push_back(fmt::format("connection {}: cannot connect: {}", number, ec.message()));
  for (long i = 0; i < count && !ec; ++i) {
    const auto& request = requests[static_cast<std::size_t>(first + i) % requests.size()];
    http::write(stream, request, ec);
    ++out.batches;
    http::response<http::string_body> response;
    if (!ec) http::read(stream, buffer, response, ec);
    if (ec) {
      out.failures.push_back(fmt::format("connection {}: batch {}: {}", number, i, ec.message()));
    } else if (response.result_int() != 200 && out.failures.size() < kMaxFailuresKept) {
      out.failures.push_back(fmt::format("connection {}: batch {}: status {}", number, i, response.result_int()));
    }
  }
  out.cpu_seconds = thread_cpu_seconds() - cpu_start;
  stream.socket().shutdown(tcp::socket::shutdown_both, ec);
}

}  // namespace

SendTotals send_batches(std::uint16_t port, const std::vector<std::string>& bodies, long batches,
                        int spans_per_batch, int connections) {
  const auto requests = prepare(bodies);
  std::vector<ConnectionResult> results(static_cast<std::size_t>(connections));
  std::latch ready(connections);
  std::vector<std::thread> threads;
  long first = 0;
  for (int c = 0; c < connections; ++c) {
    const long count = batches / connections + (c < batches % connections ? 1 : 0);
    threads.emplace_back(run_connection, c + 1, port, std::cref(requests), first, count, std::ref(ready),
                         std::ref(results[static_cast<std::size_t>(c)]));
    first += count;
  }
  for (auto& thread : threads) thread.join();

  SendTotals totals;
  for (auto& result : results) {
    totals.batches += result.batches;
    totals.cpu_seconds += result.cpu_seconds;
    for (auto& failure : result.failures)
      if (totals.failures.size() < kMaxFailuresKept) totals.failures.push_back(std::move(failure));
  }
  totals.spans = totals.batches * static_cast<std::uint64_t>(spans_per_batch);
  return totals;
}

}  // namespace glassbox::bench
