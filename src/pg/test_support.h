// Test support for the pg integration tests: one throwaway PostgreSQL cluster per test suite
// (ManagedPostgres, fsync off) and an io_context run by two threads per test, with helpers to
// run a coroutine on a fresh strand and wait for it with a deadline. Test-only.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_future.hpp>
#include <chrono>
#include <filesystem>
#include <future>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "embedded/managed_postgres.h"
#include "pg/pool.h"

namespace graft::pg::testing {

namespace asio = boost::asio;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

// A directory postgres (an unprivileged user when we run as root) can traverse.
inline fs::path makeTempDir() {
  char tmpl[] = "/tmp/graft-pg-test-XXXXXX";
  fs::path path = ::mkdtemp(tmpl);
  fs::permissions(path, fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec);
  return path;
}

inline Result<std::unique_ptr<embedded::ManagedPostgres>> startServer(const fs::path& dir) {
  embedded::ManagedPostgresOptions options;
  options.data_dir = dir / "data";
  options.socket_dir = dir / "socket";  // fixed, so a restart keeps the same address
  options.fsync = false;
  return embedded::ManagedPostgres::start(options);
}

class PgTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(makeTempDir());
    auto started = startServer(*dir_);
    if (!started) {
      // Every test then fails in SetUp with this message.
      start_error_ = new std::string(started.error().message());
      return;
    }
    server_ = started->release();
  }

  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
    std::error_code ec;
    fs::remove_all(*dir_, ec);
    delete dir_;
    delete start_error_;
    start_error_ = nullptr;
  }

  void SetUp() override {
    ASSERT_NE(server_, nullptr) << (start_error_ ? *start_error_ : "no server");
    for (int i = 0; i < 2; ++i) threads_.emplace_back([this] { io_.run(); });
  }

  void TearDown() override {
    work_.reset();
    io_.stop();
    for (auto& t : threads_) t.join();
  }

  static std::string conninfo(const std::string& extra = "") {
    std::string info = server_->conninfo();
    if (!extra.empty()) info += " " + extra;
    return info;
  }

  std::shared_ptr<Pool> makePool(PoolSettings settings) {
    if (settings.conninfo.empty()) settings.conninfo = conninfo();
    return Pool::create(io_.get_executor(), std::move(settings));
  }

  std::shared_ptr<Pool> makePool(int max_connections = 4) {
    PoolSettings settings;
    settings.max_connections = max_connections;
    return makePool(std::move(settings));
  }

  // Starts `task` on its own strand (as the server runs requests).
  template <typename T>
  std::future<T> spawn(asio::awaitable<T> task) {
    return asio::co_spawn(asio::make_strand(io_), std::move(task), asio::use_future);
  }

  template <typename T>
  static T wait(std::future<T>& future, std::chrono::milliseconds timeout = 30s) {
    if (future.wait_for(timeout) != std::future_status::ready) {
      throw std::runtime_error("a coroutine did not finish in time");
    }
    return future.get();
  }

  template <typename T>
  T run(asio::awaitable<T> task, std::chrono::milliseconds timeout = 30s) {
    auto future = spawn(std::move(task));
    return wait(future, timeout);
  }

  // Polls `done` until it holds or the deadline passes.
  template <typename F>
  static bool eventually(F done, std::chrono::milliseconds timeout = 10s) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!done()) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      std::this_thread::sleep_for(10ms);
    }
    return true;
  }

  static inline fs::path* dir_ = nullptr;
  static inline embedded::ManagedPostgres* server_ = nullptr;
  static inline std::string* start_error_ = nullptr;

  asio::io_context io_{2};
  asio::executor_work_guard<asio::io_context::executor_type> work_{io_.get_executor()};
  std::vector<std::thread> threads_;
};

inline Statement sql(std::string text, std::vector<std::optional<std::string>> params = {}) {
  return Statement{std::move(text), std::move(params)};
}

}  // namespace graft::pg::testing
