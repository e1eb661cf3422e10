// LibpqSocket: the Asio registration of a socket that libpq owns, so a coroutine can wait for
// it to become readable or writable without blocking a thread. It never closes the fd (libpq
// does, in PQfinish). Internal to src/pg (pulls in Asio's descriptor); one coroutine at a time.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>

#include "common/result.h"

namespace graft::pg {

class LibpqSocket {
 public:
  enum class Want { kRead, kWrite, kReadOrWrite };

  LibpqSocket(const boost::asio::any_io_executor& executor, int fd);
  ~LibpqSocket();
  LibpqSocket(const LibpqSocket&) = delete;
  LibpqSocket& operator=(const LibpqSocket&) = delete;

  int fd() const { return fd_; }

  // Completes once the socket is ready for `want` or has an error or hang-up to report (libpq
  // finds out which when it reads). Fails when the awaiting coroutine is cancelled or the
  // descriptor is unusable; the connection's state is then unknown.
  boost::asio::awaitable<Status> wait(Want want);

 private:
  boost::asio::posix::stream_descriptor descriptor_;
  int fd_;
};

}  // namespace graft::pg
