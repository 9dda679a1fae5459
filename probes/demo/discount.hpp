// POST /discount: a decision table with a bonus action, for decision-table testing.
//
//   body {"member":bool,"amount":number,"coupon":bool}, amount 0..10000 inclusive
//   | rule | member | coupon | discount_pct |
//   | R1   | yes    | yes    | 20           |
//   | R2   | yes    | no     | 10           |
//   | R3   | no     | yes    | 5            |
//   | R4   | no     | no     | 0            |
//   and amount >= 1000 adds 5 with "bonus":true.
//   -> 200 {"discount_pct":int,"rule":"R1".."R4","bonus":bool}
//   -> 400 per json_fields.hpp for the first bad field, in the order member, amount, coupon
// Spans (in a traced request): "validate" (branch ok or the field error), then "decide"
// (branch R1..R4) with children "rule.R1".."rule.R4" (the matching rule; branch
// member&coupon, member&!coupon, ...) and "bonus" (branch applied | none).
//
// Thread-safety: pure functions.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "probes/demo/demo_http.hpp"

namespace glassbox::probes::demo {

enum class Membership { member, non_member };
enum class Coupon { presented, absent };

inline constexpr double kMinAmount = 0;
inline constexpr double kMaxAmount = 10000;
inline constexpr double kBonusThreshold = 1000;

struct DiscountDecision {
  std::string rule;      // "R1".."R4"
  int discount_pct = 0;  // including the bonus
  bool bonus = false;
  friend bool operator==(const DiscountDecision&, const DiscountDecision&) = default;
};

DiscountDecision decide_discount(Membership membership, Coupon coupon, double amount);

DemoResponse discount_endpoint(const nlohmann::json& body);

}  // namespace glassbox::probes::demo
