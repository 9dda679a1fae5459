// The order lifecycle of the built-in demo as suite text, for the state machine tests.
#pragma once

#include <string>

namespace glassbox::testing {

inline std::string order_suite(const std::string& machine_extra = "", const std::string& transitions_extra = "") {
  return R"(suite: orders
targets: {demo: builtin:demo}
inputs:
  item: {type: string, min_length: 1, max_length: 40}
  quantity: {type: int, min: 1, max: 99}
requests:
  create_order:
    method: POST
    path: /orders
    body: {item: "{{item}}", quantity: "{{quantity}}"}
    expect: {status: 201}
    capture: {order_id: /id}
  pay: {method: POST, path: "/orders/{{order_id}}/pay"}
  ship: {method: POST, path: "/orders/{{order_id}}/ship", body: {quantity: "{{quantity}}"}}
  deliver: {method: POST, path: "/orders/{{order_id}}/deliver"}
  cancel: {method: POST, path: "/orders/{{order_id}}/cancel"}
state_machines:
  order:
    setup: create_order
    initial: created
    states: [created, paid, shipped, delivered, cancelled]
    events: {pay: pay, ship: ship, deliver: deliver, cancel: cancel}
    transitions:
      - {from: created, event: pay, to: paid}
      - {from: created, event: cancel, to: cancelled}
      - {from: paid, event: ship, to: shipped)" + transitions_extra + R"(}
      - {from: paid, event: cancel, to: cancelled}
      - {from: shipped, event: deliver, to: delivered}
)" + machine_extra;
}

}  // namespace glassbox::testing
