// glassbox demo: the built-in demo service in the foreground, until Ctrl-C.
#include <chrono>
#include <thread>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/interrupt.hpp"
#include "probes/demo/demo_service.hpp"

namespace glassbox::cli {

Handler add_demo_command(CLI::App& app) {
  auto options = std::make_shared<probes::DemoOptions>();
  options->port = 8080;
  CLI::App* cmd = app.add_subcommand("demo", "Serve the built-in demo API (triangle, nextdate, discount, orders)");
  cmd->add_option("--port", options->port, "Port to listen on; 0 picks a free one (default 8080)");
  cmd->add_option("--address", options->address, "Address to listen on (default 127.0.0.1)");
  cmd->add_option("--otlp-endpoint", options->otlp_endpoint,
                  "Export the demo's own spans as OTLP/HTTP protobuf to URL/v1/traces, "
                  "e.g. http://127.0.0.1:4318 (default: no spans)")
      ->option_text("URL");
  auto& faults = options->faults;
  cmd->add_option("--latency", faults.latency_ms,
                  "Inject this much latency (ms) into a share of the requests (default: none)")
      ->option_text("MS");
  cmd->add_option("--latency-ratio", faults.latency_ratio,
                  "Share of requests delayed by --latency, 0..1 (default 1)")
      ->option_text("R");
  cmd->add_option("--error-ratio", faults.error_ratio,
                  "Share of requests answered with --error-status and {\"error\":\"injected fault\"}, "
                  "0..1 (default 0)")
      ->option_text("R");
  cmd->add_option("--error-status", faults.error_status, "Status of injected errors, 400..599 (default 500)")
      ->option_text("N");
  cmd->add_option("--fault-paths", faults.paths,
                  "Inject faults only into paths starting with PREFIX (default: every path but /healthz)")
      ->option_text("PREFIX");
  cmd->footer(
      "Example:\n"
      "  glassbox demo --port 8080 &\n"
      "  curl -s -XPOST localhost:8080/triangle -d '{\"a\":3,\"b\":4,\"c\":5}'   # {\"kind\":\"scalene\"}\n"
      "  # the same, with the demo's own spans sent to a span collector:\n"
      "  glassbox collect --listen 127.0.0.1:4318 --out spans.json &\n"
      "  glassbox demo --port 8081 --otlp-endpoint http://127.0.0.1:4318\n"
      "  # a misbehaving demo: every 50th request 300 ms late, every 100th a 500\n"
      "  glassbox demo --latency 300 --latency-ratio 0.02 --error-ratio 0.01\n"
      "  # (which requests are hit is deterministic: after N requests, floor(N x ratio))");
  return [options] {
    if (Status valid = probes::validate_demo_faults(options->faults); !valid) {
      fmt::print(stderr, "glassbox: {}\n", valid.error().to_string());
      return int(kUsage);
    }
    install_interrupt_handler();
    auto demo = probes::start_demo_service(*options);
    if (!demo) {
      fmt::print(stderr, "glassbox: {}\n", demo.error().to_string());
      return int(kInfrastructure);
    }
    fmt::print("glassbox demo listening on {} (Ctrl-C to stop)\n", (*demo)->base_url());
    if (options->faults.any())
      fmt::print("injecting faults: {}\n", probes::describe_demo_faults(options->faults));
    std::fflush(stdout);
    while (!interrupt_flag().load()) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    (*demo)->stop();
    return int(kPassed);
  };
}

}  // namespace glassbox::cli
