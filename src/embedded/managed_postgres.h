// ManagedPostgres: a PostgreSQL 15 server that Graft runs itself when no database URL is given
// (and that tests run in temporary directories). It initialises the data directory once,
// starts postgres on a private unix socket (no TCP port), waits until it accepts connections,
// and stops it when the object is destroyed. Started as root, postgres runs as an
// unprivileged user. Not thread-safe: create, use and destroy it from one thread.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "common/result.h"

namespace graft::embedded {

struct ManagedPostgresOptions {
  // The cluster's data directory; created (with its parents) and initialised when empty.
  std::filesystem::path data_dir;
  // Where initdb and postgres live; empty means the machine's PostgreSQL 15 packages.
  std::filesystem::path bin_dir;
  // Tests turn fsync off for speed; a real data directory keeps it on.
  bool fsync = true;
  std::chrono::milliseconds start_timeout{std::chrono::seconds(60)};
  // Where postgres puts its unix socket; empty means a fresh private directory under /tmp
  // (removed on stop). Give one to keep the same address across restarts.
  std::filesystem::path socket_dir;
  // Extra server settings passed as -c name=value.
  std::vector<std::pair<std::string, std::string>> settings;
};

class ManagedPostgres {
 public:
  // Initialises (if needed) and starts the server; returns once it accepts connections.
  // Fails with a clear message when another Graft holds the data directory, when the
  // binaries are missing, or when the server does not come up in time (the server log's
  // tail is included).
  static Result<std::unique_ptr<ManagedPostgres>> start(ManagedPostgresOptions options);

  ManagedPostgres(const ManagedPostgres&) = delete;
  ManagedPostgres& operator=(const ManagedPostgres&) = delete;
  ~ManagedPostgres();

  // Fast shutdown (SIGINT), waiting for the server to exit; idempotent.
  Status stop();

  // libpq keyword/value connection string for a database of this server.
  std::string conninfo(const std::string& dbname = "postgres") const;
  // The same as a postgresql:// URL (socket directory as the host parameter).
  std::string url(const std::string& dbname = "postgres") const;

  const std::filesystem::path& dataDir() const { return options_.data_dir; }
  const std::filesystem::path& socketDir() const { return socket_dir_; }
  int pid() const { return pid_; }

 private:
  explicit ManagedPostgres(ManagedPostgresOptions options);
  Status init();
  Status launch();

  ManagedPostgresOptions options_;
  std::filesystem::path socket_dir_;
  std::filesystem::path log_file_;
  bool own_socket_dir_ = false;
  int lock_fd_ = -1;
  int pid_ = -1;
};

// The directory holding initdb and postgres for PostgreSQL 15 on this machine, if any.
Result<std::filesystem::path> findPostgresBinDir();

}  // namespace graft::embedded
