#include "probes/demo/orders.hpp"

#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace glassbox::probes::demo {
namespace {

using nlohmann::json;

std::string answer(const DemoResponse& response) {
  return std::to_string(response.status) + " " + response.body.dump();
}

// An order in `state`, reached through the API's own transitions.
std::string order_in(OrderBook& book, OrderState state) {
  const std::string id = book.create("book", 1).id;
  const auto apply = [&](OrderEvent event) {
    EXPECT_EQ(book.apply(id, event).outcome, TransitionOutcome::applied);
  };
  switch (state) {
    case OrderState::created: break;
    case OrderState::paid: apply(OrderEvent::pay); break;
    case OrderState::shipped:
      apply(OrderEvent::pay);
      apply(OrderEvent::ship);
      break;
    case OrderState::delivered:
      apply(OrderEvent::pay);
      apply(OrderEvent::ship);
      apply(OrderEvent::deliver);
      break;
    case OrderState::cancelled: apply(OrderEvent::cancel); break;
  }
  return id;
}

TEST(CreateOrder, Answers201WithTheOrderAndItsLocation) {
  OrderBook book;
  const DemoResponse response = create_order_endpoint(book, json{{"item", "tea"}, {"quantity", 2}});
  EXPECT_EQ(answer(response), R"(201 {"id":"o-1","item":"tea","quantity":2,"state":"created"})");
  EXPECT_EQ(response.headers, (ResponseHeaders{{"Location", "/orders/o-1"}}));
  EXPECT_EQ(create_order_endpoint(book, json{{"item", "tea"}, {"quantity", 2}}).body["id"], "o-2");
}

TEST(CreateOrder, AcceptsTheBoundaryLengthsAndQuantities) {
  OrderBook book;
  EXPECT_EQ(create_order_endpoint(book, json{{"item", "x"}, {"quantity", 1}}).status, 201);
  EXPECT_EQ(
      create_order_endpoint(book, json{{"item", std::string(40, 'x')}, {"quantity", 99}}).status,
      201);
}

TEST(CreateOrder, RejectsInvalidBodies) {
  OrderBook book;
  EXPECT_EQ(answer(create_order_endpoint(book, json{{"quantity", 1}})),
            R"(400 {"error":"missing field","field":"item"})");
  EXPECT_EQ(answer(create_order_endpoint(book, json{{"item", ""}, {"quantity", 1}})),
            R"(400 {"error":"length out of range","field":"item","max":40,"min":1})");
  EXPECT_EQ(
      answer(create_order_endpoint(book, json{{"item", std::string(41, 'x')}, {"quantity", 1}})),
      R"(400 {"error":"length out of range","field":"item","max":40,"min":1})");
  EXPECT_EQ(answer(create_order_endpoint(book, json{{"item", 7}, {"quantity", 1}})),
            R"(400 {"error":"not a string","field":"item"})");
  EXPECT_EQ(answer(create_order_endpoint(book, json{{"item", "x"}, {"quantity", 0}})),
            R"(400 {"error":"out of range","field":"quantity","max":99,"min":1})");
  EXPECT_EQ(answer(create_order_endpoint(book, json{{"item", "x"}, {"quantity", 100}})),
            R"(400 {"error":"out of range","field":"quantity","max":99,"min":1})");
  EXPECT_EQ(answer(create_order_endpoint(book, json{{"item", "x"}, {"quantity", 1.5}})),
            R"(400 {"error":"not an integer","field":"quantity"})");
  EXPECT_FALSE(book.find("o-1")) << "a rejected order must not be stored";
}

TEST(GetOrder, AnswersTheStoredOrderOr404) {
  OrderBook book;
  book.create("tea", 3);
  EXPECT_EQ(answer(get_order_endpoint(book, "o-1")),
            R"(200 {"id":"o-1","item":"tea","quantity":3,"state":"created"})");
  EXPECT_EQ(answer(get_order_endpoint(book, "o-2")), R"(404 {"error":"no such order"})");
}

TEST(OrderEvents, WalkTheHappyPathToDelivered) {
  OrderBook book;
  book.create("tea", 1);
  EXPECT_EQ(order_event_endpoint(book, "o-1", OrderEvent::pay).body["state"], "paid");
  EXPECT_EQ(order_event_endpoint(book, "o-1", OrderEvent::ship).body["state"], "shipped");
  const DemoResponse delivered = order_event_endpoint(book, "o-1", OrderEvent::deliver);
  EXPECT_EQ(answer(delivered), R"(200 {"id":"o-1","item":"tea","quantity":1,"state":"delivered"})");
}

TEST(OrderEvents, CancelIsAllowedFromCreatedAndPaid) {
  OrderBook book;
  const std::string created = order_in(book, OrderState::created);
  const std::string paid = order_in(book, OrderState::paid);
  EXPECT_EQ(order_event_endpoint(book, created, OrderEvent::cancel).body["state"], "cancelled");
  EXPECT_EQ(order_event_endpoint(book, paid, OrderEvent::cancel).body["state"], "cancelled");
}

TEST(OrderEvents, RejectsAnEventNotAllowedInTheStateWith409AndKeepsTheState) {
  OrderBook book;
  const std::string shipped = order_in(book, OrderState::shipped);
  EXPECT_EQ(answer(order_event_endpoint(book, shipped, OrderEvent::cancel)),
            R"(409 {"error":"invalid transition","event":"cancel","state":"shipped"})");
  EXPECT_EQ(book.find(shipped)->state, OrderState::shipped);
}

TEST(OrderEvents, AnswersNoSuchOrderForAnUnknownId) {
  OrderBook book;
  EXPECT_EQ(answer(order_event_endpoint(book, "o-9", OrderEvent::pay)),
            R"(404 {"error":"no such order"})");
}

// Every (state, event) pair: exactly the five transitions of the diagram are allowed.
TEST(OrderTransitionTable, AllowsExactlyTheDiagramsTransitions) {
  const OrderState states[] = {OrderState::created, OrderState::paid, OrderState::shipped,
                               OrderState::delivered, OrderState::cancelled};
  const OrderEvent events[] = {OrderEvent::pay, OrderEvent::ship, OrderEvent::deliver,
                               OrderEvent::cancel};
  int allowed = 0;
  for (const OrderState state : states) {
    for (const OrderEvent event : events) {
      OrderBook book;
      const std::string id = order_in(book, state);
      const DemoResponse response = order_event_endpoint(book, id, event);
      const auto expected = next_state(state, event);
      if (expected) {
        ++allowed;
        EXPECT_EQ(response.status, 200) << to_string(state) << " + " << to_string(event);
        EXPECT_EQ(response.body["state"], to_string(*expected));
      } else {
        EXPECT_EQ(response.status, 409) << to_string(state) << " + " << to_string(event);
        EXPECT_EQ(response.body["state"], to_string(state));
        EXPECT_EQ(response.body["event"], to_string(event));
      }
    }
  }
  EXPECT_EQ(allowed, 5);
  EXPECT_EQ(next_state(OrderState::created, OrderEvent::pay), OrderState::paid);
  EXPECT_EQ(next_state(OrderState::paid, OrderEvent::ship), OrderState::shipped);
  EXPECT_EQ(next_state(OrderState::shipped, OrderEvent::deliver), OrderState::delivered);
  EXPECT_EQ(next_state(OrderState::created, OrderEvent::cancel), OrderState::cancelled);
  EXPECT_EQ(next_state(OrderState::paid, OrderEvent::cancel), OrderState::cancelled);
}

TEST(OrderBook, GivesDistinctIdsToConcurrentCreators) {
  OrderBook book;
  constexpr int kThreads = 4;
  constexpr int kPerThread = 250;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&book] {
      for (int i = 0; i < kPerThread; ++i) book.create("x", 1);
    });
  }
  for (auto& thread : threads) thread.join();
  for (int n = 1; n <= kThreads * kPerThread; ++n) {
    ASSERT_TRUE(book.find("o-" + std::to_string(n))) << n;
  }
  EXPECT_FALSE(book.find("o-" + std::to_string(kThreads * kPerThread + 1)));
}

}  // namespace
}  // namespace glassbox::probes::demo
