// The pre-flight check: can the target's host be resolved and TCP-connected at all?
// Uses its own io_context so it works before (and independently of) any client.
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <fmt/core.h>

#include "probes/http/error_text.hpp"
#include "probes/http/http_client.hpp"
#include "probes/http/url.hpp"

namespace glassbox::probes {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using boost::system::error_code;

Status check_reachable(const std::string& url, std::chrono::milliseconds timeout) {
  auto parts = detail::parse_url(url);
  if (!parts) return parts.error();
  const std::string host(parts->host);
  const std::string where = detail::host_port(parts->host, parts->port);

  asio::io_context io(1);
  tcp::resolver resolver(io);
  tcp::socket socket(io);
  asio::steady_timer deadline(io);
  std::string failure;
  bool timed_out = false;

  deadline.expires_after(timeout);
  deadline.async_wait([&](const error_code& error) {
    if (error) return;
    timed_out = true;
    resolver.cancel();
    error_code ignored;
    socket.close(ignored);
  });
  resolver.async_resolve(host, std::to_string(parts->port),
                         [&](const error_code& error, const tcp::resolver::results_type& endpoints) {
                           if (timed_out) return;
                           if (error) {
                             failure = fmt::format("cannot resolve {} ({}): {}", host, url, detail::describe(error));
                             deadline.cancel();
                             return;
                           }
                           asio::async_connect(socket, endpoints, [&](const error_code& error, const tcp::endpoint&) {
                             if (timed_out) return;
                             if (error) {
                               failure = fmt::format("cannot connect to {} ({}): {}", where, url, detail::describe(error));
                             }
                             deadline.cancel();
                           });
                         });
  io.run();

  if (timed_out) {
    return Error{fmt::format("cannot connect to {} ({}): no answer within {} ms", where, url, timeout.count()), {}};
  }
  if (!failure.empty()) return Error{std::move(failure), {}};
  return ok_status();
}

}  // namespace glassbox::probes
