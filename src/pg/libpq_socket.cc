#include "pg/libpq_socket.h"

#include <poll.h>

#include <boost/asio/async_result.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/experimental/parallel_group.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace graft::pg {

namespace asio = boost::asio;
using Descriptor = asio::posix::stream_descriptor;

namespace {

struct InitiateWait {
  template <typename Handler>
  void operator()(Handler&& handler, Descriptor* descriptor, Descriptor::wait_type type) const {
    descriptor->async_wait(type, std::forward<Handler>(handler));
    // Asio registers descriptors edge-triggered and never tries a wait speculatively, so
    // readiness that arrived before the wait was queued (data libpq has not read yet) would
    // only be reported with the next packet, which may never come. A zero-timeout poll after
    // queueing closes that window: when the socket is already ready the wait ends at once.
    pollfd p{descriptor->native_handle(),
             static_cast<short>(type == Descriptor::wait_read ? POLLIN : POLLOUT), 0};
    if (::poll(&p, 1, 0) > 0) {
      boost::system::error_code ignored;
      descriptor->cancel(ignored);
    }
  }
};

template <typename Token>
auto asyncWaitReady(Descriptor& descriptor, Descriptor::wait_type type, Token&& token) {
  return asio::async_initiate<Token, void(boost::system::error_code)>(InitiateWait{}, token,
                                                                      &descriptor, type);
}

}  // namespace

LibpqSocket::LibpqSocket(const asio::any_io_executor& executor, int fd)
    : descriptor_(executor, fd), fd_(fd) {}

LibpqSocket::~LibpqSocket() {
  // libpq owns the fd; only drop Asio's registration.
  (void)descriptor_.release();
}

asio::awaitable<Status> LibpqSocket::wait(Want want) {
  boost::system::error_code ec;
  if (want == Want::kReadOrWrite) {
    // Used while a send is stuck: the server may be blocked writing results to us, so we must
    // also wake up to read (libpq's PQflush contract).
    auto [order, read_ec, write_ec] =
        co_await asio::experimental::make_parallel_group(
            asyncWaitReady(descriptor_, Descriptor::wait_read, asio::deferred),
            asyncWaitReady(descriptor_, Descriptor::wait_write, asio::deferred))
            .async_wait(asio::experimental::wait_for_one(), asio::use_awaitable);
    ec = order[0] == 0 ? read_ec : write_ec;
  } else {
    auto type = want == Want::kRead ? Descriptor::wait_read : Descriptor::wait_write;
    co_await asyncWaitReady(descriptor_, type, asio::redirect_error(asio::use_awaitable, ec));
  }
  asio::cancellation_state state = co_await asio::this_coro::cancellation_state;
  if (state.cancelled() != asio::cancellation_type::none) {
    co_return std::unexpected(Error::unexpected("the database operation was cancelled"));
  }
  if (ec && ec != asio::error::operation_aborted) {
    co_return std::unexpected(
        Error::connectionError("database connection error").withInternal(ec.message()));
  }
  co_return ok();
}

}  // namespace graft::pg
