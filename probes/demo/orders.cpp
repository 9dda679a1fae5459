#include "probes/demo/orders.hpp"

#include <utility>
#include <variant>

#include "probes/demo/json_fields.hpp"
#include "probes/demo/tracing.hpp"

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
  const OrderState before = order.state;
  const auto next = next_state(before, event);
  if (!next) return {TransitionOutcome::not_allowed, order, before};
  order.state = *next;
  return {TransitionOutcome::applied, order, before};
}

DemoResponse create_order_endpoint(OrderBook& book, const nlohmann::json& body) {
  std::string item;
  std::int64_t quantity = 0;
  {
    ScopedSpan validate("validate");
    validate.set("endpoint", std::string("orders"));
    const auto refuse = [&validate](const FieldError& error) {
      validate.set("field", error.field);
      validate.set_branch(error.branch());
      return error.to_response();
    };
    auto item_field = string_field(body, "item", kMinItemChars, kMaxItemChars);
    if (auto* error = std::get_if<FieldError>(&item_field)) return refuse(*error);
    const auto quantity_field = integer_field(body, "quantity", kMinQuantity, kMaxQuantity);
    if (auto* error = std::get_if<FieldError>(&quantity_field)) return refuse(*error);
    validate.set_branch("ok");
    item = std::move(std::get<std::string>(item_field));
    quantity = std::get<std::int64_t>(quantity_field);
  }

  const Order order = book.create(std::move(item), quantity);
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
  ScopedSpan transition("transition");
  transition.set("event", std::string(to_string(event)));
  transition.set("order.id", std::string(id));
  const TransitionResult result = book.apply(id, event);
  if (result.outcome != TransitionOutcome::no_such_order) {
    transition.set("from", std::string(to_string(result.before)));
  }
  switch (result.outcome) {
    case TransitionOutcome::no_such_order:
      transition.set_branch("not_found");
      return no_such_order();
    case TransitionOutcome::not_allowed: {
      transition.set_branch("invalid_transition");
      DemoResponse response = error_response(409, "invalid transition");
      response.body["state"] = to_string(result.order.state);
      response.body["event"] = to_string(event);
      return response;
    }
    case TransitionOutcome::applied:
      transition.set("to", std::string(to_string(result.order.state)));
      transition.set_branch("allowed");
      break;
  }
  DemoResponse response;
  response.body = to_json(result.order);
  return response;
}

}  // namespace glassbox::probes::demo
