// Orders: an in-memory state machine, for state-transition testing.
//
//   created --pay--> paid --ship--> shipped --deliver--> delivered
//   created --cancel--> cancelled,  paid --cancel--> cancelled
// Any other (state, event) pair is an invalid transition and leaves the order unchanged.
//
//   POST /orders {"item":string 1..40 characters,"quantity":int 1..99}
//     -> 201 {"id":"o-1","state":"created","item":..,"quantity":..}, Location: /orders/o-1
//     -> 400 per json_fields.hpp, checked in the order item, quantity
//   GET  /orders/{id}                     -> 200 order | 404 {"error":"no such order"}
//   POST /orders/{id}/pay|ship|deliver|cancel
//     -> 200 order (the new state) | 404 {"error":"no such order"}
//     -> 409 {"error":"invalid transition","state":"<current>","event":"<event>"}
//
// Spans (in a traced request): POST /orders records "validate" (branch ok or the field
// error); an event records "transition" with attributes event, from, to (to only when
// allowed) and branch allowed | invalid_transition | not_found.
//
// Ids are "o-1", "o-2", ... per OrderBook, in creation order. Orders are kept for the
// lifetime of the book (the service), which is fine for test runs and small load profiles.
//
// Thread-safety: OrderBook is safe to use from several threads; each call is atomic.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "probes/demo/demo_http.hpp"

namespace glassbox::probes::demo {

enum class OrderState { created, paid, shipped, delivered, cancelled };
enum class OrderEvent { pay, ship, deliver, cancel };
std::string_view to_string(OrderState state);
std::string_view to_string(OrderEvent event);

// The transition table: the state after `event`, or nullopt when the event is not allowed.
std::optional<OrderState> next_state(OrderState state, OrderEvent event);

struct Order {
  std::string id;
  std::string item;
  std::int64_t quantity = 0;
  OrderState state = OrderState::created;
};
nlohmann::json to_json(const Order& order);

enum class TransitionOutcome { applied, no_such_order, not_allowed };

struct TransitionResult {
  TransitionOutcome outcome = TransitionOutcome::no_such_order;
  Order order;  // after the event when applied; unchanged when not allowed; empty when missing
  OrderState before = OrderState::created;  // the state the event found (unset when missing)
};

class OrderBook final {
 public:
  Order create(std::string item, std::int64_t quantity);
  std::optional<Order> find(std::string_view id) const;
  TransitionResult apply(std::string_view id, OrderEvent event);

 private:
  mutable std::mutex mutex_;
  std::uint64_t last_id_ = 0;
  std::map<std::string, Order, std::less<>> orders_;
};

DemoResponse create_order_endpoint(OrderBook& book, const nlohmann::json& body);
DemoResponse get_order_endpoint(const OrderBook& book, std::string_view id);
DemoResponse order_event_endpoint(OrderBook& book, std::string_view id, OrderEvent event);

}  // namespace glassbox::probes::demo
