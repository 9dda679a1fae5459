#include <gtest/gtest.h>

#include "probes/spans/any_value.hpp"
#include "probes/spans/span_ids.hpp"

namespace glassbox {
namespace {

using namespace probes::span_ids;

TEST(SpanIds, HexOfBytesIsLowerCase) {
  EXPECT_EQ(to_hex(std::string("\x00\xab\xff\x10", 4)), "00abff10");
  EXPECT_EQ(to_hex(""), "");
}

TEST(SpanIds, NormalizeHexLowersCaseAndRefusesNonHex) {
  EXPECT_EQ(normalize_hex("00ABff10"), "00abff10");
  EXPECT_EQ(normalize_hex("abc"), std::nullopt);
  EXPECT_EQ(normalize_hex("0x12"), std::nullopt);
  EXPECT_EQ(normalize_hex(""), "");
}

TEST(SpanIds, Base64MatchesRfc4648TestVectors) {
  EXPECT_EQ(probes::base64_encode(""), "");
  EXPECT_EQ(probes::base64_encode("f"), "Zg==");
  EXPECT_EQ(probes::base64_encode("fo"), "Zm8=");
  EXPECT_EQ(probes::base64_encode("foo"), "Zm9v");
  EXPECT_EQ(probes::base64_encode("foobar"), "Zm9vYmFy");
}

}  // namespace
}  // namespace glassbox
