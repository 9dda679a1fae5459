#include "probes/demo/discount.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

namespace glassbox::probes::demo {
namespace {

using nlohmann::json;

std::string answer(const json& body) {
  const DemoResponse response = discount_endpoint(body);
  return std::to_string(response.status) + " " + response.body.dump();
}

json request(bool member, json amount, bool coupon) {
  return {{"member", member}, {"amount", std::move(amount)}, {"coupon", coupon}};
}

TEST(Discount, R1MemberWithCouponGets20) {
  EXPECT_EQ(answer(request(true, 50, true)),
            R"(200 {"bonus":false,"discount_pct":20,"rule":"R1"})");
}

TEST(Discount, R2MemberWithoutCouponGets10) {
  EXPECT_EQ(answer(request(true, 50, false)),
            R"(200 {"bonus":false,"discount_pct":10,"rule":"R2"})");
}

TEST(Discount, R3NonMemberWithCouponGets5) {
  EXPECT_EQ(answer(request(false, 50, true)),
            R"(200 {"bonus":false,"discount_pct":5,"rule":"R3"})");
}

TEST(Discount, R4NonMemberWithoutCouponGetsNothing) {
  EXPECT_EQ(answer(request(false, 50, false)),
            R"(200 {"bonus":false,"discount_pct":0,"rule":"R4"})");
}

TEST(Discount, BonusStartsAtExactly1000) {
  EXPECT_EQ(answer(request(true, 999.99, true)),
            R"(200 {"bonus":false,"discount_pct":20,"rule":"R1"})");
  EXPECT_EQ(answer(request(true, 1000, true)),
            R"(200 {"bonus":true,"discount_pct":25,"rule":"R1"})");
  EXPECT_EQ(answer(request(false, 1000.0, false)),
            R"(200 {"bonus":true,"discount_pct":5,"rule":"R4"})");
}

TEST(Discount, AcceptsTheAmountBoundaries) {
  EXPECT_EQ(answer(request(false, 0, true)), R"(200 {"bonus":false,"discount_pct":5,"rule":"R3"})");
  EXPECT_EQ(answer(request(false, 10000, true)),
            R"(200 {"bonus":true,"discount_pct":10,"rule":"R3"})");
}

TEST(Discount, RejectsAmountsJustOutsideTheRange) {
  EXPECT_EQ(answer(request(true, -0.01, true)),
            R"(400 {"error":"out of range","field":"amount","max":10000,"min":0})");
  EXPECT_EQ(answer(request(true, 10000.01, true)),
            R"(400 {"error":"out of range","field":"amount","max":10000,"min":0})");
}

TEST(Discount, RejectsWrongTypes) {
  EXPECT_EQ(answer(request(true, "100", true)), R"(400 {"error":"not a number","field":"amount"})");
  EXPECT_EQ(answer(json{{"member", "yes"}, {"amount", 1}, {"coupon", true}}),
            R"(400 {"error":"not a boolean","field":"member"})");
  EXPECT_EQ(answer(json{{"member", true}, {"amount", 1}, {"coupon", 0}}),
            R"(400 {"error":"not a boolean","field":"coupon"})");
}

TEST(Discount, ReportsMissingFieldsInOrder) {
  EXPECT_EQ(answer(json::object()), R"(400 {"error":"missing field","field":"member"})");
  EXPECT_EQ(answer(json{{"member", true}}), R"(400 {"error":"missing field","field":"amount"})");
  EXPECT_EQ(answer(json{{"member", true}, {"amount", 1}}),
            R"(400 {"error":"missing field","field":"coupon"})");
}

RC_GTEST_PROP(DiscountProperties, BonusAddsFiveToTheRuleDiscount, ()) {
  const auto membership = *rc::gen::element(Membership::member, Membership::non_member);
  const auto coupon = *rc::gen::element(Coupon::presented, Coupon::absent);
  const double amount = *rc::gen::inRange(0, 1000000) / 100.0;
  const DiscountDecision with_amount = decide_discount(membership, coupon, amount);
  const DiscountDecision without_bonus = decide_discount(membership, coupon, 0);
  RC_ASSERT(with_amount.rule == without_bonus.rule);
  RC_ASSERT(with_amount.bonus == (amount >= 1000));
  RC_ASSERT(with_amount.discount_pct == without_bonus.discount_pct + (with_amount.bonus ? 5 : 0));
}

}  // namespace
}  // namespace glassbox::probes::demo
