#include "probes/receiver/gzip.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

namespace glassbox::probes::receiver {
namespace {

TEST(Gunzip, InflatesWhatGzipCompressed) {
  const Gunzipped result = gunzip(gzip("hello spans"), 1024);
  ASSERT_EQ(result.outcome, GunzipOutcome::inflated) << result.message;
  EXPECT_EQ(result.bytes, "hello spans");
}

RC_GTEST_PROP(Gunzip, RoundTripsAnyBytesWithinTheLimit, (const std::string& plain)) {
  const Gunzipped result = gunzip(gzip(plain), plain.size());
  RC_ASSERT(result.outcome == GunzipOutcome::inflated);
  RC_ASSERT(result.bytes == plain);
}

TEST(Gunzip, InflatesConcatenatedMembers) {
  const Gunzipped result = gunzip(gzip("first ") + gzip("second"), 1024);
  ASSERT_EQ(result.outcome, GunzipOutcome::inflated) << result.message;
  EXPECT_EQ(result.bytes, "first second");
}

TEST(Gunzip, AcceptsOutputExactlyAtTheLimit) {
  const std::string plain(1000, 'x');
  EXPECT_EQ(gunzip(gzip(plain), 1000).outcome, GunzipOutcome::inflated);
}

TEST(Gunzip, StopsABombAtTheLimit) {
  const std::string bomb = gzip(std::string(10u << 20, '\0'));  // ~10 KiB on the wire
  ASSERT_LT(bomb.size(), 64u * 1024);
  const Gunzipped result = gunzip(bomb, 1u << 20);
  EXPECT_EQ(result.outcome, GunzipOutcome::over_limit);
  EXPECT_EQ(result.message, "gzip body inflates past the limit of 1048576 bytes");
  EXPECT_TRUE(result.bytes.empty());
}

TEST(Gunzip, RejectsBytesThatAreNotGzip) {
  const Gunzipped result = gunzip("{\"resourceSpans\":[]}", 1024);
  EXPECT_EQ(result.outcome, GunzipOutcome::malformed);
  EXPECT_EQ(result.message, "gzip body is malformed: incorrect header check");
}

TEST(Gunzip, RejectsATruncatedStream) {
  const std::string whole = gzip(std::string(5000, 'a') + "end");
  const Gunzipped result = gunzip(whole.substr(0, whole.size() - 6), 100000);
  EXPECT_EQ(result.outcome, GunzipOutcome::malformed);
  EXPECT_EQ(result.message, "gzip body is malformed: truncated");
}

TEST(Gunzip, RejectsAnEmptyBody) {
  EXPECT_EQ(gunzip("", 1024).message, "gzip body is malformed: empty");
}

TEST(Gunzip, RejectsTrailingGarbage) {
  EXPECT_EQ(gunzip(gzip("ok") + "garbage", 1024).outcome, GunzipOutcome::malformed);
}

}  // namespace
}  // namespace glassbox::probes::receiver
