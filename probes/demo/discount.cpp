#include "probes/demo/discount.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <variant>

#include "probes/demo/json_fields.hpp"
#include "probes/demo/tracing.hpp"

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

struct DiscountInput {
  Membership membership = Membership::non_member;
  Coupon coupon = Coupon::absent;
  double amount = 0;
};

// The checked body, or the 400 that refuses it; recorded as the "validate" span.
std::variant<DiscountInput, DemoResponse> validated_input(const nlohmann::json& body) {
  ScopedSpan validate("validate");
  validate.set("endpoint", std::string("discount"));
  const auto refuse = [&validate](const FieldError& error) {
    validate.set("field", error.field);
    validate.set_branch(error.branch());
    return error.to_response();
  };
  const auto member = boolean_field(body, "member");
  if (auto* error = std::get_if<FieldError>(&member)) return refuse(*error);
  const auto amount = number_field(body, "amount", kMinAmount, kMaxAmount);
  if (auto* error = std::get_if<FieldError>(&amount)) return refuse(*error);
  const auto coupon = boolean_field(body, "coupon");
  if (auto* error = std::get_if<FieldError>(&coupon)) return refuse(*error);
  validate.set_branch("ok");
  return DiscountInput{std::get<bool>(member) ? Membership::member : Membership::non_member,
                       std::get<bool>(coupon) ? Coupon::presented : Coupon::absent,
                       std::get<double>(amount)};
}

// The rule that matched and the bonus, as children of the "decide" span.
void trace_decision_steps(const DiscountInput& input, const DiscountDecision& decision) {
  for (const Rule& rule : kRules) {
    if (rule.id != decision.rule) continue;
    ScopedSpan matched(std::string("rule.") + rule.id);
    matched.set("rule_id", std::string(rule.id));
    matched.set("base_pct", std::int64_t{rule.discount_pct});
    matched.set_branch(std::string(input.membership == Membership::member ? "member" : "!member") +
                       (input.coupon == Coupon::presented ? "&coupon" : "&!coupon"));
  }
  ScopedSpan bonus("bonus");
  bonus.set("bonus_pct", std::int64_t{decision.bonus ? kBonusPct : 0});
  bonus.set_branch(decision.bonus ? "applied" : "none");
}

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
  auto checked = validated_input(body);
  if (auto* refusal = std::get_if<DemoResponse>(&checked)) return std::move(*refusal);
  const DiscountInput& input = std::get<DiscountInput>(checked);

  ScopedSpan decide("decide");
  decide.set("member", input.membership == Membership::member);
  decide.set("coupon", input.coupon == Coupon::presented);
  decide.set("amount", input.amount);
  const DiscountDecision decision = decide_discount(input.membership, input.coupon, input.amount);
  trace_decision_steps(input, decision);
  decide.set("rule_id", decision.rule);
  decide.set("discount_pct", std::int64_t{decision.discount_pct});
  decide.set_branch(decision.rule);

  DemoResponse response;
  response.body = {
      {"discount_pct", decision.discount_pct}, {"rule", decision.rule}, {"bonus", decision.bonus}};
  return response;
}

}  // namespace glassbox::probes::demo
