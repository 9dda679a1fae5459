#include <gtest/gtest.h>

#include "probes/logs/log_reader.hpp"

namespace glassbox::probes::logs {
namespace {

using namespace std::chrono_literals;

TEST(LogCommand, ReadsTheLinesACommandPrints) {
  auto log = read_log_command(R"(printf '{"level":"info"}\n\n{"level":"error"}\n')");
  ASSERT_TRUE(log.ok()) << log.error().message;
  EXPECT_TRUE(log->output.succeeded());
  EXPECT_EQ(log->output.describe({}), "exited with status 0");
  ASSERT_EQ(log->read.entries.size(), 2u);
  EXPECT_EQ(log->read.entries[0].fields["level"], "info");
  EXPECT_EQ(log->read.entries[1].line, 3);
  EXPECT_TRUE(log->read.findings.empty());
}

TEST(LogCommand, FailingCommandReportsItsStatusAndWhatItPrinted) {
  auto log = read_log_command(R"(printf '{"n":1}\nnot json\n'; echo 'no such log' >&2; exit 3)");
  ASSERT_TRUE(log.ok()) << log.error().message;
  EXPECT_FALSE(log->output.succeeded());
  EXPECT_EQ(log->output.end, CommandEnd::exited);
  EXPECT_EQ(log->output.status, 3);
  EXPECT_EQ(log->output.describe({}), "exited with status 3");
  EXPECT_EQ(log->output.standard_error, "no such log\n");
  EXPECT_EQ(log->read.entries.size(), 1u);
  ASSERT_EQ(log->read.findings.size(), 1u);
  EXPECT_EQ(log->read.findings[0].to_string(), "line 2: not valid JSON (error at column 2)");
}

TEST(LogCommand, UnknownProgramIsAFailedExitFromTheShell) {
  auto output = run_log_command("/nonexistent/log-dumper");
  ASSERT_TRUE(output.ok()) << output.error().message;
  EXPECT_EQ(output->end, CommandEnd::exited);
  EXPECT_EQ(output->status, 127);
}

TEST(LogCommand, TimeoutKillsTheWholePipelineAndKeepsWhatWasPrinted) {
  ReadLimits limits;
  limits.command_timeout = 300ms;
  auto started = std::chrono::steady_clock::now();
  auto log = read_log_command(R"(printf '{"n":1}\n'; sleep 30 | cat)", limits);
  auto took = std::chrono::steady_clock::now() - started;
  ASSERT_TRUE(log.ok()) << log.error().message;
  EXPECT_EQ(log->output.end, CommandEnd::timed_out);
  EXPECT_EQ(log->output.describe(limits), "timed out after 300 ms");
  EXPECT_LT(took, 10s);
  EXPECT_EQ(log->read.entries.size(), 1u);
}

TEST(LogCommand, CommandThatClosesItsOutputAndKeepsRunningStillTimesOut) {
  ReadLimits limits;
  limits.command_timeout = 300ms;
  auto output = run_log_command("exec >&- 2>&-; sleep 30", limits);
  ASSERT_TRUE(output.ok()) << output.error().message;
  EXPECT_EQ(output->end, CommandEnd::timed_out);
}

TEST(LogCommand, EndlessOutputIsStoppedAtTheByteLimit) {
  ReadLimits limits;
  limits.max_total_bytes = 1000;
  auto log = read_log_command(R"(while :; do printf '{"n":1}\n'; done)", limits);
  ASSERT_TRUE(log.ok()) << log.error().message;
  EXPECT_EQ(log->output.end, CommandEnd::output_limit);
  EXPECT_EQ(log->output.describe(limits), "stopped after 1000 bytes of output");
  EXPECT_EQ(log->output.standard_output.size(), 1000u);
  EXPECT_TRUE(log->read.truncated);
  EXPECT_EQ(log->read.entries.size(), 125u);  // 1000 / 8 bytes per line, all whole
  ASSERT_EQ(log->read.findings.size(), 1u);
  EXPECT_EQ(log->read.findings[0].to_string(), "line 126: log cut at 1000 bytes");
}

TEST(LogCommand, CommandKilledBySignalSaysWhichSignal) {
  auto output = run_log_command("kill -TERM $$");
  ASSERT_TRUE(output.ok()) << output.error().message;
  EXPECT_EQ(output->end, CommandEnd::signalled);
  EXPECT_EQ(output->describe({}), "killed by signal 15");
}

}  // namespace
}  // namespace glassbox::probes::logs
