#include "pg/pool.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/object.hpp>

#include "common/log.h"
#include "pg/connection.h"

namespace graft::pg {

namespace asio = boost::asio;
using namespace asio::experimental::awaitable_operators;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

namespace {

constexpr milliseconds kFirstBackoff{100};
constexpr milliseconds kMaxBackoff{5000};

Error closedError() { return Error::connectionError("the database connection pool is closed"); }

void logEvent(log::Level level, std::string_view kind, std::string_view info,
              const std::optional<std::string>& internal = std::nullopt) {
  if (!log::enabled(level, "pg-client")) return;
  boost::json::object detail;
  detail["kind"] = kind;
  detail["info"] = info;
  if (internal) detail["internal"] = *internal;
  log::write(level, "pg-client", detail);
}

}  // namespace

// What acquire() gets: an idle connection, the right to open a new one (already counted in
// open_ and in_use_), or an error.
struct Pool::Grant {
  static Grant of(std::unique_ptr<Connection> connection) {
    Grant g;
    g.connection = std::move(connection);
    return g;
  }
  static Grant newSlot() {
    Grant g;
    g.slot = true;
    return g;
  }
  static Grant failure(Error error) {
    Grant g;
    g.error = std::move(error);
    return g;
  }

  std::unique_ptr<Connection> connection;
  bool slot = false;
  std::optional<Error> error;
};

// An acquirer queued for a connection. It sleeps on its own timer: whoever takes it off the
// queue (a release, a freed place, close) writes `grant` and cancels the timer under mutex_,
// which posts the acquirer's resumption to its own executor; the timer expiring is the
// acquire timeout. The timer is only touched under mutex_, so any thread may wake it.
struct Pool::Waiter {
  explicit Waiter(const asio::any_io_executor& executor) : timer(executor) {}
  asio::steady_timer timer;
  std::optional<Grant> grant;
};

struct Pool::Sweeper {
  explicit Sweeper(const asio::any_io_executor& executor)
      : strand(asio::make_strand(executor)), timer(strand) {}
  asio::strand<asio::any_io_executor> strand;
  asio::steady_timer timer;  // only touched on strand
  bool stopped = false;      // only touched on strand
};

// The initiation of acquire()'s wait: queues the waiter under mutex_ unless a connection
// became available since the first look, and starts its timer in the same critical section.
struct Pool::EnqueueWaiter {
  std::shared_ptr<Pool> pool;
  std::shared_ptr<Waiter> waiter;

  template <typename Handler>
  void operator()(Handler&& handler) const {
    std::vector<std::unique_ptr<Connection>> to_close;  // closed after the lock is released
    std::lock_guard lock(pool->mutex_);
    waiter->grant = pool->tryGrantLocked(to_close);
    if (waiter->grant) {
      waiter->timer.expires_at(Clock::time_point::min());  // resume at once (never inline)
    } else {
      pool->waiters_.push_back(waiter);
      if (pool->settings_.acquire_timeout) {
        waiter->timer.expires_after(*pool->settings_.acquire_timeout);
      } else {
        waiter->timer.expires_at(Clock::time_point::max());
      }
    }
    waiter->timer.async_wait(std::forward<Handler>(handler));
  }
};

std::shared_ptr<Pool> Pool::create(asio::any_io_executor executor, PoolSettings settings) {
  std::shared_ptr<Pool> pool(new Pool(std::move(executor), std::move(settings)));
  pool->startSweeper();
  return pool;
}

Pool::Pool(asio::any_io_executor executor, PoolSettings settings)
    : executor_(std::move(executor)), settings_(std::move(settings)) {}

Pool::~Pool() { close(); }

void Pool::startSweeper() {
  milliseconds shortest{0};
  for (milliseconds limit : {settings_.idle_timeout, settings_.lifetime}) {
    if (limit.count() > 0 && (shortest.count() == 0 || limit < shortest)) shortest = limit;
  }
  if (shortest.count() == 0) return;
  // Sweeping at half the shortest limit keeps a connection at most 1.5 times over it.
  milliseconds period = std::clamp(shortest / 2, milliseconds(10), milliseconds(30000));
  sweeper_ = std::make_shared<Sweeper>(executor_);
  asio::co_spawn(sweeper_->strand, sweepLoop(weak_from_this(), sweeper_, period), asio::detached);
}

asio::awaitable<void> Pool::sweepLoop(std::weak_ptr<Pool> weak, std::shared_ptr<Sweeper> sweeper,
                                      milliseconds period) {
  while (!sweeper->stopped) {
    sweeper->timer.expires_after(period);
    boost::system::error_code ec;
    co_await sweeper->timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    if (sweeper->stopped) break;
    auto pool = weak.lock();
    if (!pool) break;
    pool->sweep();
  }
}

void Pool::sweep() {
  std::vector<std::unique_ptr<Connection>> to_close;
  {
    std::lock_guard lock(mutex_);
    auto now = Clock::now();
    std::erase_if(idle_, [&](Idle& idle) {
      bool idle_too_long =
          settings_.idle_timeout.count() > 0 && now - idle.since >= settings_.idle_timeout;
      bool too_old = settings_.lifetime.count() > 0 &&
                     now - idle.connection->createdAt() >= settings_.lifetime;
      if (!idle_too_long && !too_old) return false;
      to_close.push_back(std::move(idle.connection));
      --open_;
      return true;
    });
  }
}

std::optional<Pool::Grant> Pool::tryGrantLocked(
    std::vector<std::unique_ptr<Connection>>& to_close) {
  if (closed_) return Grant::failure(closedError());
  if (!waiters_.empty()) return std::nullopt;  // FIFO: queue behind them
  auto now = Clock::now();
  while (!idle_.empty()) {
    Idle idle = std::move(idle_.back());
    idle_.pop_back();
    bool too_old =
        settings_.lifetime.count() > 0 && now - idle.connection->createdAt() >= settings_.lifetime;
    if (too_old) {
      to_close.push_back(std::move(idle.connection));
      --open_;
      continue;
    }
    ++in_use_;
    return Grant::of(std::move(idle.connection));
  }
  if (open_ < settings_.max_connections) {
    ++open_;
    ++in_use_;
    return Grant::newSlot();
  }
  return std::nullopt;
}

asio::awaitable<Result<PooledConnection>> Pool::acquire() {
  auto self = shared_from_this();
  while (true) {
    std::optional<Grant> grant;
    {
      std::vector<std::unique_ptr<Connection>> to_close;
      {
        std::lock_guard lock(mutex_);
        grant = tryGrantLocked(to_close);
      }
    }
    if (!grant) {
      asio::any_io_executor executor = co_await asio::this_coro::executor;
      auto waiter = std::make_shared<Waiter>(executor);
      boost::system::error_code ec;
      auto token = asio::redirect_error(asio::use_awaitable, ec);
      // A named initiation: GCC 12 destroys braced aggregate temporaries in a co_await
      // expression twice.
      EnqueueWaiter enqueue{self, waiter};
      co_await asio::async_initiate<decltype(token), void(boost::system::error_code)>(
          std::move(enqueue), token);
      grant = takeGrant(waiter, ec == asio::error::operation_aborted);
    }
    if (grant->error) co_return std::unexpected(std::move(*grant->error));
    if (grant->slot) co_return co_await connectNew();
    if (grant->connection->checkAlive()) {
      co_return PooledConnection(self, std::move(grant->connection));
    }
    // The server closed it while it sat idle (restart, pg_terminate_backend): drop it and
    // look again.
    logEvent(log::Level::kInfo, "connection-discarded",
             "an idle database connection was closed by the server");
    giveBack(std::move(grant->connection), false);
  }
}

asio::awaitable<Result<PooledConnection>> Pool::connectNew() {
  auto self = shared_from_this();
  std::optional<Error> refused;
  {
    std::lock_guard lock(mutex_);
    if (last_connect_error_ && Clock::now() < backoff_until_) {
      // Fail fast instead of hammering a server that just refused us.
      refused = *last_connect_error_;
      slotFreedLocked();
    }
  }
  if (refused) co_return std::unexpected(std::move(*refused));

  ConnectOptions options{settings_.conninfo, settings_.statement_timeout,
                         settings_.connect_timeout};
  auto connected = co_await Connection::connect(executor_, std::move(options));
  if (!connected) {
    asio::cancellation_state state = co_await asio::this_coro::cancellation_state;
    if (state.cancelled() != asio::cancellation_type::none) {
      // The acquirer gave up; that says nothing about the server, so no backoff.
      std::lock_guard lock(mutex_);
      slotFreedLocked();
    } else {
      connectFailed(connected.error());
    }
    co_return std::unexpected(std::move(connected).error());
  }
  bool recovered = false;
  {
    std::lock_guard lock(mutex_);
    recovered = last_connect_error_.has_value();
    backoff_ = milliseconds(0);
    last_connect_error_.reset();
  }
  if (recovered) logEvent(log::Level::kInfo, "connection-restored", "connected to the database");
  // A pool closed meanwhile refuses it when it comes back.
  co_return PooledConnection(self, std::move(*connected));
}

void Pool::connectFailed(const Error& error) {
  bool first = false;
  {
    std::lock_guard lock(mutex_);
    first = !last_connect_error_.has_value();
    ++connect_failures_;
    backoff_ = backoff_.count() == 0 ? kFirstBackoff : std::min(backoff_ * 2, kMaxBackoff);
    backoff_until_ = Clock::now() + backoff_;
    last_connect_error_ = error;
    slotFreedLocked();
  }
  if (first) {
    logEvent(log::Level::kError, "connection-error", error.message(), error.internal());
  }
}

void Pool::slotFreedLocked() {
  --open_;
  --in_use_;
  if (closed_ || waiters_.empty() || open_ >= settings_.max_connections) return;
  // The first waiter may open a connection in the freed place.
  auto waiter = std::move(waiters_.front());
  waiters_.pop_front();
  ++open_;
  ++in_use_;
  waiter->grant = Grant::newSlot();
  waiter->timer.cancel();
}

std::optional<Pool::Grant> Pool::takeGrant(const std::shared_ptr<Waiter>& waiter, bool aborted) {
  std::lock_guard lock(mutex_);
  if (waiter->grant) return std::move(waiter->grant);
  // Still queued: the timer expired, or the acquirer itself was cancelled.
  std::erase(waiters_, waiter);
  if (aborted) {
    return Grant::failure(Error::unexpected("waiting for a database connection was cancelled"));
  }
  return Grant::failure(Error::timeout("timed out waiting for a database connection"));
}

void Pool::giveBack(std::unique_ptr<Connection> connection, bool may_reset) {
  if (!connection) return;
  if (may_reset && connection->usable() && connection->inTransaction()) {
    // The borrower left a transaction open (or failed): roll it back before anyone reuses it.
    asio::co_spawn(executor_, resetAndRelease(shared_from_this(), std::move(connection)),
                   asio::detached);
    return;
  }
  bool too_old = settings_.lifetime.count() > 0 &&
                 Clock::now() - connection->createdAt() >= settings_.lifetime;
  bool reusable = connection->idle() && !too_old;
  std::unique_ptr<Connection> to_close;
  {
    std::lock_guard lock(mutex_);
    if (closed_ || !reusable) {
      to_close = std::move(connection);
      slotFreedLocked();
    } else if (!waiters_.empty()) {
      auto waiter = std::move(waiters_.front());
      waiters_.pop_front();
      waiter->grant = Grant::of(std::move(connection));
      waiter->timer.cancel();
    } else {
      --in_use_;
      idle_.push_back(Idle{std::move(connection), Clock::now()});
    }
  }
}

asio::awaitable<void> Pool::resetAndRelease(std::shared_ptr<Pool> pool,
                                            std::unique_ptr<Connection> connection) {
  asio::steady_timer timer(pool->executor_);
  timer.expires_after(pool->settings_.connect_timeout);
  // Whatever the outcome, giveBack keeps the connection only if it is now idle.
  (void)co_await (connection->executeSimple("ROLLBACK") ||
                  timer.async_wait(asio::as_tuple(asio::use_awaitable)));
  pool->giveBack(std::move(connection), false);
}

void Pool::close() {
  std::vector<Idle> idle;
  std::deque<std::shared_ptr<Waiter>> waiters;
  {
    std::lock_guard lock(mutex_);
    if (closed_) return;
    closed_ = true;
    idle.swap(idle_);
    open_ -= static_cast<int>(idle.size());
    waiters.swap(waiters_);
    for (auto& waiter : waiters) {
      waiter->grant = Grant::failure(closedError());
      waiter->timer.cancel();
    }
  }
  idle.clear();
  if (sweeper_) {
    asio::post(sweeper_->strand, [sweeper = sweeper_] {
      sweeper->stopped = true;
      sweeper->timer.cancel();
    });
  }
}

PoolStats Pool::stats() const {
  std::lock_guard lock(mutex_);
  return PoolStats{.open = open_,
                   .idle = static_cast<int>(idle_.size()),
                   .in_use = in_use_,
                   .waiting = static_cast<int>(waiters_.size()),
                   .connect_failures = connect_failures_};
}

asio::awaitable<Result<QueryResult>> Pool::execute(Statement statement) {
  auto self = shared_from_this();
  auto connection = co_await acquire();
  if (!connection) co_return std::unexpected(std::move(connection).error());
  co_return co_await connection->execute(std::move(statement));
}

asio::awaitable<Result<std::vector<QueryResult>>> Pool::executeSimple(std::string sql) {
  auto self = shared_from_this();
  auto connection = co_await acquire();
  if (!connection) co_return std::unexpected(std::move(connection).error());
  co_return co_await connection->executeSimple(std::move(sql));
}

asio::awaitable<Result<std::vector<QueryResult>>> Pool::pipeline(
    std::vector<Statement> statements) {
  auto self = shared_from_this();
  auto connection = co_await acquire();
  if (!connection) co_return std::unexpected(std::move(connection).error());
  co_return co_await connection->pipeline(std::move(statements));
}

}  // namespace graft::pg
