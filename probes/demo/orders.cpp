#include "probes/demo/orders.hpp"

#include <utility>
#include <variant>

#include "probes/demo/json_fields.hpp"

namespace glassbox::probes::demo {
namespace {

constexpr std::size_t kMinItemChars = 1;
constexpr std::size_t kMaxItemChars = 40;
constexpr std::int64_t kMinQuantity = 1;
constexpr std::int64_t kMaxQuantity = 99;

DemoResponse no_such_order() { return error_response(404, "no such order"); }

}  // namespace

std::string_view to_string(OrderState state) {
  switch (state) {
    case OrderState::created: return "created";
    case OrderState::paid: return "paid";
    case OrderState::shipped: return "shipped";
    case OrderState::delivered: return "delivered";
    case OrderState::cancelled: return "cancelled";
  }
  return "created";
}

std::string_view to_string(OrderEvent event) {
  switch (event) {
    case OrderEvent::pay: return "pay";
    case OrderEvent::ship: return "ship";
    case OrderEvent::deliver: return "deliver";
    case OrderEvent::cancel: return "cancel";
  }
  return "pay";
}

std::optional<OrderState> next_state(OrderState state, OrderEvent event) {
  switch (event) {
    case OrderEvent::pay:
      if (state == OrderState::created) return OrderState::paid;
      break;
    case OrderEvent::ship:
      if (state == OrderState::paid) return OrderState::shipped;
      break;
    case OrderEvent::deliver:
      if (state == OrderState::shipped) return OrderState::delivered;
      break;
    case OrderEvent::cancel:
      if (state == OrderState::created || state == OrderState::paid) return OrderState::cancelled;
      break;
  }
  return std::nullopt;
}

nlohmann::json to_json(const Order& order) {
  return {{"id", order.id},
          {"state", to_string(order.state)},
          {"item", order.item},
          {"quantity", order.quantity}};
}

Order OrderBook::create(std::string item, std::int64_t quantity) {
  std::lock_guard lock(mutex_);
  Order order{"o-" + std::to_string(++last_id_), std::move(item), quantity, OrderState::created};
  orders_.emplace(order.id, order);
  return order;
}

std::optional<Order> OrderBook::find(std::string_view id) const {
  std::lock_guard lock(mutex_);
  const auto it = orders_.find(id);
  if (it == orders_.end()) return std::nullopt;
  return it->second;
}

TransitionResult OrderBook::apply(std::string_view id, OrderEvent event) {
  std::lock_guard lock(mutex_);
  const auto it = orders_.find(id);
  if (it == orders_.end()) return {};
  Order& order = it->second;
  const auto next = next_state(order.state, event);
  if (!next) return {TransitionOutcome::not_allowed, order};
  order.state = *next;
  return {TransitionOutcome::applied, order};
}

DemoResponse create_order_endpoint(OrderBook& book, const nlohmann::json& body) {
  auto item = string_field(body, "item", kMinItemChars, kMaxItemChars);
  if (auto* error = std::get_if<FieldError>(&item)) return error->to_response();
  const auto quantity = integer_field(body, "quantity", kMinQuantity, kMaxQuantity);
  if (auto* error = std::get_if<FieldError>(&quantity)) return error->to_response();

  const Order order =
      book.create(std::move(std::get<std::string>(item)), std::get<std::int64_t>(quantity));
  DemoResponse response;
  response.status = 201;
  response.body = to_json(order);
  response.headers.emplace_back("Location", "/orders/" + order.id);
  return response;
}

DemoResponse get_order_endpoint(const OrderBook& book, std::string_view id) {
  const auto order = book.find(id);
  if (!order) return no_such_order();
  DemoResponse response;
  response.body = to_json(*order);
  return response;
}

DemoResponse order_event_endpoint(OrderBook& book, std::string_view id, OrderEvent event) {
  const TransitionResult result = book.apply(id, event);
  switch (result.outcome) {
    case TransitionOutcome::no_such_order: return no_such_order();
    case TransitionOutcome::not_allowed: {
      DemoResponse response = error_response(409, "invalid transition");
      response.body["state"] = to_string(result.order.state);
      response.body["event"] = to_string(event);
      return response;
    }
    case TransitionOutcome::applied: break;
  }
  DemoResponse response;
  response.body = to_json(result.order);
  return response;
}

}  // namespace glassbox::probes::demo
