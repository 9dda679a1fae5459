#include "probes/demo/discount.hpp"

#include <variant>

#include "probes/demo/json_fields.hpp"

namespace glassbox::probes::demo {
namespace {

constexpr int kBonusPct = 5;

struct Rule {
  const char* id;
  Membership membership;
  Coupon coupon;
  int discount_pct;
};

// The table itself, so the rules read as the contract in the header does.
constexpr Rule kRules[] = {
    {"R1", Membership::member, Coupon::presented, 20},
    {"R2", Membership::member, Coupon::absent, 10},
    {"R3", Membership::non_member, Coupon::presented, 5},
    {"R4", Membership::non_member, Coupon::absent, 0},
};

}  // namespace

DiscountDecision decide_discount(Membership membership, Coupon coupon, double amount) {
  DiscountDecision decision;
  for (const Rule& rule : kRules) {
    if (rule.membership == membership && rule.coupon == coupon) {
      decision.rule = rule.id;
      decision.discount_pct = rule.discount_pct;
    }
  }
  decision.bonus = amount >= kBonusThreshold;
  if (decision.bonus) decision.discount_pct += kBonusPct;
  return decision;
}

DemoResponse discount_endpoint(const nlohmann::json& body) {
  const auto member = boolean_field(body, "member");
  if (auto* error = std::get_if<FieldError>(&member)) return error->to_response();
  const auto amount = number_field(body, "amount", kMinAmount, kMaxAmount);
  if (auto* error = std::get_if<FieldError>(&amount)) return error->to_response();
  const auto coupon = boolean_field(body, "coupon");
  if (auto* error = std::get_if<FieldError>(&coupon)) return error->to_response();

  const DiscountDecision decision = decide_discount(
      std::get<bool>(member) ? Membership::member : Membership::non_member,
      std::get<bool>(coupon) ? Coupon::presented : Coupon::absent, std::get<double>(amount));
  DemoResponse response;
  response.body = {
      {"discount_pct", decision.discount_pct}, {"rule", decision.rule}, {"bonus", decision.bonus}};
  return response;
}

}  // namespace glassbox::probes::demo
