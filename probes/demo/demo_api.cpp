#include "probes/demo/demo_api.hpp"

#include <memory>
#include <utility>

#include "probes/demo/discount.hpp"
#include "probes/demo/nextdate.hpp"
#include "probes/demo/orders.hpp"
#include "probes/demo/router.hpp"
#include "probes/demo/trace_echo.hpp"
#include "probes/demo/triangle.hpp"

namespace glassbox::probes::demo {
namespace {

void add_order_routes(Router& router, const std::shared_ptr<OrderBook>& book) {
  router.add("POST", "/orders", BodyKind::json_object,
             [book](const RouteRequest& r) { return create_order_endpoint(*book, r.body); });
  router.add("GET", "/orders/{id}", BodyKind::ignored, [book](const RouteRequest& r) {
    return get_order_endpoint(*book, r.params.at("id"));
  });
  // One route per event, so an unknown event is a 404 and GET on an event is a 405.
  for (const OrderEvent event :
       {OrderEvent::pay, OrderEvent::ship, OrderEvent::deliver, OrderEvent::cancel}) {
    router.add("POST", "/orders/{id}/" + std::string(to_string(event)), BodyKind::ignored,
               [book, event](const RouteRequest& r) {
                 return order_event_endpoint(*book, r.params.at("id"), event);
               });
  }
}

}  // namespace

DemoHandler make_demo_api() {
  auto router = std::make_shared<Router>();
  router->add("GET", "/healthz", BodyKind::ignored, [](const RouteRequest&) {
    DemoResponse response;
    response.body = {{"status", "ok"}};
    return response;
  });
  router->add("POST", "/triangle", BodyKind::json_object,
              [](const RouteRequest& r) { return triangle_endpoint(r.body); });
  router->add("GET", "/nextdate", BodyKind::ignored,
              [](const RouteRequest& r) { return nextdate_endpoint(r.query); });
  router->add("POST", "/discount", BodyKind::json_object,
              [](const RouteRequest& r) { return discount_endpoint(r.body); });
  add_order_routes(*router, std::make_shared<OrderBook>());

  // Later middleware (injected latency or errors) wraps here, outside the trace echo or
  // inside it, without the routes knowing.
  return with_trace_echo(
      [router = std::move(router)](const DemoRequest& request) { return router->handle(request); });
}

}  // namespace glassbox::probes::demo
