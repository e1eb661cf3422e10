#include "pg/connection.h"
#include "pg/pool.h"

namespace graft::pg {

namespace asio = boost::asio;

PooledConnection::PooledConnection(std::shared_ptr<Pool> pool,
                                   std::unique_ptr<Connection> connection)
    : pool_(std::move(pool)), connection_(std::move(connection)) {}

PooledConnection::PooledConnection(PooledConnection&& other) noexcept
    : pool_(std::move(other.pool_)), connection_(std::move(other.connection_)) {}

PooledConnection& PooledConnection::operator=(PooledConnection&& other) noexcept {
  if (this != &other) {
    release();
    pool_ = std::move(other.pool_);
    connection_ = std::move(other.connection_);
  }
  return *this;
}

PooledConnection::~PooledConnection() { release(); }

void PooledConnection::release() {
  if (pool_ && connection_) pool_->giveBack(std::move(connection_), true);
  connection_.reset();
  pool_.reset();
}

int PooledConnection::backendPid() const { return connection_ ? connection_->backendPid() : 0; }

namespace {

Error noConnection() { return Error::unexpected("no database connection (already released)"); }

}  // namespace

asio::awaitable<Result<QueryResult>> PooledConnection::execute(Statement statement) {
  if (!connection_) co_return std::unexpected(noConnection());
  co_return co_await connection_->execute(std::move(statement),
                                          pool_->settings().use_prepared_statements);
}

asio::awaitable<Result<std::vector<QueryResult>>> PooledConnection::executeSimple(std::string sql) {
  if (!connection_) co_return std::unexpected(noConnection());
  co_return co_await connection_->executeSimple(std::move(sql));
}

asio::awaitable<Result<std::vector<QueryResult>>> PooledConnection::pipeline(
    std::vector<Statement> statements) {
  if (!connection_) co_return std::unexpected(noConnection());
  co_return co_await connection_->pipeline(std::move(statements),
                                           pool_->settings().use_prepared_statements);
}

}  // namespace graft::pg
