// glassbox collect: the span receiver on its own (OTLP/HTTP + Zipkin, and OTLP/gRPC with
// --listen-grpc, both into one file), writing what services export to a JSON lines file
// until Ctrl-C.
#include <arpa/inet.h>

#include <charconv>
#include <chrono>
#include <optional>
#include <thread>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/interrupt.hpp"
#include "probes/grpc/grpc_receiver.hpp"
#include "probes/receiver/span_jsonl.hpp"
#include "probes/receiver/span_receiver.hpp"

namespace glassbox::cli {
namespace {

struct CollectOptions {
  std::string listen = "127.0.0.1:4318";
  std::string listen_grpc;   // "" = no gRPC receiver
  std::string out;
};

// "ADDR:PORT" or "[V6ADDR]:PORT" into the receiver's options; nullopt when it is neither.
std::optional<probes::ReceiverOptions> parse_listen(const std::string& listen) {
  const auto colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) return std::nullopt;
  std::string address = listen.substr(0, colon);
  if (address.front() == '[' && address.back() == ']') address = address.substr(1, address.size() - 2);
  const std::string port_text = listen.substr(colon + 1);
  unsigned port = 0;
  const auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (port_text.empty() || ec != std::errc() || end != port_text.data() + port_text.size() || port > 65535)
    return std::nullopt;
  // The receiver binds an IP address, it does not resolve names.
  unsigned char parsed[16];
  if (inet_pton(AF_INET, address.c_str(), parsed) != 1 && inet_pton(AF_INET6, address.c_str(), parsed) != 1)
    return std::nullopt;
  probes::ReceiverOptions options;
  options.address = address;
  options.port = static_cast<std::uint16_t>(port);
  return options;
}

void add_stats(probes::ReceiverStats& total, const probes::ReceiverStats& more) {
  total.requests += more.requests;
  total.spans_accepted += more.spans_accepted;
  total.spans_rejected += more.spans_rejected;
}

}  // namespace

Handler add_collect_command(CLI::App& app) {
  auto options = std::make_shared<CollectOptions>();
  CLI::App* cmd = app.add_subcommand(
      "collect",
      "Receive spans over OTLP/HTTP (protobuf, JSON), Zipkin v2 and OTLP/gRPC and append them to a JSON lines file");
  cmd->add_option("--listen", options->listen, "ADDR:PORT to listen on; port 0 picks a free one (default 127.0.0.1:4318)");
  cmd->add_option("--listen-grpc", options->listen_grpc,
                  "Also receive OTLP/gRPC on ADDR:PORT (the OTLP/gRPC port is 4317), into the same file; port 0 picks one")
      ->option_text("ADDR:PORT");
  cmd->add_option("--out", options->out, "File the spans are appended to, one JSON object per line")->required();
  cmd->footer(
      "Example:\n"
      "  glassbox collect --listen 127.0.0.1:4318 --out spans.jsonl &\n"
      "  OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4318 node service.js   # its spans land in spans.jsonl\n"
      "  glassbox collect --listen 127.0.0.1:4318 --listen-grpc 127.0.0.1:4317 --out spans.jsonl   # OTLP/gRPC too\n"
      "Stops on Ctrl-C (or SIGTERM) and prints how many requests and spans it took.");
  return [options] {
    const auto receiver_options = parse_listen(options->listen);
    if (!receiver_options) {
      fmt::print(stderr, "glassbox: --listen '{}' is not IP:PORT (e.g. 127.0.0.1:4318)\n", options->listen);
      return int(kUsage);
    }
    std::optional<probes::ReceiverOptions> grpc_options;
    if (!options->listen_grpc.empty()) {
      grpc_options = parse_listen(options->listen_grpc);
      if (!grpc_options) {
        fmt::print(stderr, "glassbox: --listen-grpc '{}' is not IP:PORT (e.g. 127.0.0.1:4317)\n", options->listen_grpc);
        return int(kUsage);
      }
    }
    auto file = probes::SpanJsonlFile::open(options->out);
    if (!file) {
      fmt::print(stderr, "glassbox: {}\n", file.error().to_string());
      return int(kUsage);
    }
    install_interrupt_handler();
    auto receiver = probes::start_span_receiver(*receiver_options, **file);
    if (!receiver) {
      fmt::print(stderr, "glassbox: {}\n", receiver.error().to_string());
      return int(kInfrastructure);
    }
    std::unique_ptr<probes::SpanReceiver> grpc_receiver;
    if (grpc_options) {
      auto started = probes::start_grpc_span_receiver(*grpc_options, **file);
      if (!started) {
        fmt::print(stderr, "glassbox: {}\n", started.error().to_string());
        return int(kInfrastructure);
      }
      grpc_receiver = std::move(started.value());
    }
    fmt::print("glassbox collect listening on {} (OTLP/HTTP /v1/traces, Zipkin /api/v2/spans)\n",
               (*receiver)->endpoint());
    if (grpc_receiver) fmt::print("glassbox collect listening on {} (OTLP/gRPC)\n", grpc_receiver->endpoint());
    std::fflush(stdout);
    while (!interrupt_flag().load()) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    (*receiver)->stop();
    probes::ReceiverStats stats = (*receiver)->stats();
    if (grpc_receiver) {
      grpc_receiver->stop();
      add_stats(stats, grpc_receiver->stats());
    }
    fmt::print("glassbox collect: {} requests, {} spans accepted, {} rejected, written to {}\n", stats.requests,
               stats.spans_accepted, stats.spans_rejected, options->out);
    return int(kPassed);
  };
}

}  // namespace glassbox::cli
