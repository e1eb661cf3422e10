#include "embedded/managed_postgres.h"

#include <fcntl.h>
#include <grp.h>
#include <libpq-fe.h>
#include <pwd.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#include "common/log.h"

namespace graft::embedded {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// The identity postgres runs under. PostgreSQL refuses to run as root, so a root Graft
// hands the server to an unprivileged system user.
struct RunAs {
  bool drop = false;
  uid_t uid = 0;
  gid_t gid = 0;
  std::string name;
};

Result<RunAs> serverIdentity() {
  if (geteuid() != 0) return RunAs{};
  for (const char* name : {"postgres", "nobody"}) {
    if (passwd* pw = getpwnam(name)) return RunAs{true, pw->pw_uid, pw->pw_gid, name};
  }
  return std::unexpected(Error::unexpected(
      "running as root, but there is neither a 'postgres' nor a 'nobody' user to run the "
      "managed PostgreSQL server as; create one or run graft as an unprivileged user"));
}

Status errnoError(const std::string& what) {
  return std::unexpected(Error::unexpected(what + ": " + std::strerror(errno)));
}

Status handOver(const fs::path& path, const RunAs& as) {
  if (as.drop && ::chown(path.c_str(), as.uid, as.gid) != 0) {
    return errnoError("cannot give " + path.string() + " to user " + as.name);
  }
  return ok();
}

std::string tailOf(const fs::path& file, size_t max_bytes = 2000) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return "";
  std::stringstream ss;
  ss << in.rdbuf();
  std::string all = ss.str();
  return all.size() > max_bytes ? all.substr(all.size() - max_bytes) : all;
}

// Starts argv[0] with stdout and stderr appended to log_file. The child drops privileges
// when asked and gets SIGINT (a fast shutdown for postgres) if Graft dies without stopping it.
Result<pid_t> spawn(const std::vector<std::string>& args, const RunAs& as, const fs::path& log_file,
                    bool die_with_parent) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  int log_fd = ::open(log_file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (log_fd < 0) return std::unexpected(errnoError("cannot open " + log_file.string()).error());
  if (as.drop) (void)::fchown(log_fd, as.uid, as.gid);
  pid_t parent = ::getpid();
  pid_t pid = ::fork();
  if (pid < 0) {
    ::close(log_fd);
    return std::unexpected(errnoError("fork failed").error());
  }
  if (pid == 0) {
    // Child: only async-signal-safe calls until exec.
    sigset_t all;
    sigemptyset(&all);
    sigprocmask(SIG_SETMASK, &all, nullptr);
    ::setsid();
    ::dup2(log_fd, STDOUT_FILENO);
    ::dup2(log_fd, STDERR_FILENO);
    int devnull = ::open("/dev/null", O_RDONLY);
    if (devnull >= 0) ::dup2(devnull, STDIN_FILENO);
    if (as.drop) {
      if (::setgroups(0, nullptr) != 0 || ::setgid(as.gid) != 0 || ::setuid(as.uid) != 0) {
        ::_exit(126);
      }
    }
    // Set after setuid: a change of credentials clears the parent-death signal.
    if (die_with_parent) {
      ::prctl(PR_SET_PDEATHSIG, SIGINT);
      if (::getppid() != parent) ::_exit(125);
    }
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(log_fd);
  return pid;
}

Result<int> waitExit(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return std::unexpected(errnoError("waitpid failed").error());
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return 128 + WTERMSIG(status);
}

bool processAlive(pid_t pid) { return pid > 0 && (::kill(pid, 0) == 0 || errno == EPERM); }

std::string processName(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/comm");
  std::string name;
  std::getline(in, name);
  return name;
}

std::string percentEncode(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

// A postmaster.pid left behind means a crash. If its server still runs, it is an orphan of
// a Graft that died (we hold the data directory's lock, so no live Graft owns it): shut it
// down. Otherwise postgres would refuse to start only if the pid was reused; remove the file.
Status clearStaleServer(const fs::path& data_dir) {
  fs::path pid_file = data_dir / "postmaster.pid";
  std::ifstream in(pid_file);
  if (!in) return ok();
  long pid = 0;
  in >> pid;
  in.close();
  if (pid > 0 && processAlive(pid) && processName(pid) == "postgres") {
    log::warn("startup", "managed-postgres",
              "stopping an orphaned PostgreSQL server (pid " + std::to_string(pid) + ")");
    ::kill(pid, SIGINT);
    auto deadline = Clock::now() + std::chrono::seconds(30);
    while (processAlive(pid) && Clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    if (processAlive(pid)) ::kill(pid, SIGKILL);
    while (processAlive(pid)) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  std::error_code ec;
  fs::remove(pid_file, ec);
  return ok();
}

}  // namespace

Result<fs::path> findPostgresBinDir() {
  for (const char* dir : {"/usr/lib/postgresql/15/bin", "/usr/local/pgsql/bin"}) {
    if (::access((fs::path(dir) / "postgres").c_str(), X_OK) == 0) return fs::path(dir);
  }
  return std::unexpected(Error::unexpected(
      "PostgreSQL 15 server binaries not found (looked in /usr/lib/postgresql/15/bin); "
      "install the postgresql-15 package (scripts/install-deps.sh does) or pass a database URL"));
}

ManagedPostgres::ManagedPostgres(ManagedPostgresOptions options) : options_(std::move(options)) {}

ManagedPostgres::~ManagedPostgres() { (void)stop(); }

Result<std::unique_ptr<ManagedPostgres>> ManagedPostgres::start(ManagedPostgresOptions options) {
  std::unique_ptr<ManagedPostgres> server(new ManagedPostgres(std::move(options)));
  GRAFT_CHECK(server->init());
  GRAFT_CHECK(server->launch());
  return server;
}

Status ManagedPostgres::init() {
  if (options_.bin_dir.empty()) {
    GRAFT_TRY(options_.bin_dir, findPostgresBinDir());
  }
  GRAFT_TRY(RunAs as, serverIdentity());
  std::error_code ec;
  options_.data_dir = fs::absolute(options_.data_dir, ec);
  fs::create_directories(options_.data_dir, ec);
  if (ec) {
    return std::unexpected(Error::unexpected("cannot create data directory " +
                                             options_.data_dir.string() + ": " + ec.message()));
  }

  // One Graft per data directory: an advisory lock held for the server's whole life.
  fs::path lock_path = options_.data_dir.string() + ".lock";
  lock_fd_ = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (lock_fd_ < 0) return errnoError("cannot open lock file " + lock_path.string());
  if (::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
    ::close(lock_fd_);
    lock_fd_ = -1;
    return std::unexpected(Error::unexpected("data directory " + options_.data_dir.string() +
                                             " is in use by another graft process"));
  }

  GRAFT_CHECK(handOver(options_.data_dir, as));
  ::chmod(options_.data_dir.c_str(), 0700);
  log_file_ = options_.data_dir.string() + ".log";

  if (!fs::exists(options_.data_dir / "PG_VERSION")) {
    if (!fs::is_empty(options_.data_dir)) {
      return std::unexpected(Error::unexpected(
          options_.data_dir.string() + " is neither empty nor a PostgreSQL data directory"));
    }
    log::info("startup", "managed-postgres", "initialising " + options_.data_dir.string());
    std::vector<std::string> args = {(options_.bin_dir / "initdb").string(),
                                     "-D",
                                     options_.data_dir.string(),
                                     "-U",
                                     "postgres",
                                     "--auth=trust",
                                     "-E",
                                     "UTF8",
                                     "--locale=C.UTF-8"};
    if (!options_.fsync) args.push_back("--no-sync");
    GRAFT_TRY(pid_t pid, spawn(args, as, log_file_, true));
    GRAFT_TRY(int code, waitExit(pid));
    if (code != 0) {
      return std::unexpected(Error::unexpected("initdb failed (exit " + std::to_string(code) +
                                               "):\n" + tailOf(log_file_)));
    }
  } else {
    std::ifstream version(options_.data_dir / "PG_VERSION");
    std::string major;
    version >> major;
    if (major != "15") {
      return std::unexpected(Error::unexpected(options_.data_dir.string() + " holds a PostgreSQL " +
                                               major +
                                               " cluster; the managed server is PostgreSQL 15"));
    }
    GRAFT_CHECK(clearStaleServer(options_.data_dir));
  }

  if (options_.socket_dir.empty()) {
    char tmpl[] = "/tmp/graft-pg-XXXXXX";
    if (::mkdtemp(tmpl) == nullptr) return errnoError("cannot create a socket directory");
    socket_dir_ = tmpl;
    own_socket_dir_ = true;
  } else {
    socket_dir_ = fs::absolute(options_.socket_dir);
    fs::create_directories(socket_dir_, ec);
  }
  GRAFT_CHECK(handOver(socket_dir_, as));
  return ok();
}

Status ManagedPostgres::launch() {
  GRAFT_TRY(RunAs as, serverIdentity());
  std::vector<std::string> args = {(options_.bin_dir / "postgres").string(),
                                   "-D",
                                   options_.data_dir.string(),
                                   "-k",
                                   socket_dir_.string(),
                                   "-c",
                                   "listen_addresses=",
                                   "-c",
                                   "logging_collector=off"};
  if (!options_.fsync) {
    for (const char* s : {"fsync=off", "full_page_writes=off"}) {
      args.push_back("-c");
      args.push_back(s);
    }
  }
  for (const auto& [name, value] : options_.settings) {
    args.push_back("-c");
    args.push_back(name + "=" + value);
  }
  GRAFT_TRY(pid_, spawn(args, as, log_file_, true));

  // Ready when it answers a ping on its socket; a server that exits early fails at once.
  std::string info = conninfo();
  auto deadline = Clock::now() + options_.start_timeout;
  while (true) {
    if (PQping(info.c_str()) == PQPING_OK) break;
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return std::unexpected(
          Error::unexpected("PostgreSQL exited during start-up:\n" + tailOf(log_file_)));
    }
    if (Clock::now() > deadline) {
      (void)stop();
      return std::unexpected(Error::unexpected("PostgreSQL did not accept connections within " +
                                               std::to_string(options_.start_timeout.count()) +
                                               " ms:\n" + tailOf(log_file_)));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  log::info("startup", "managed-postgres",
            "PostgreSQL running on unix socket directory " + socket_dir_.string());
  return ok();
}

Status ManagedPostgres::stop() {
  if (pid_ > 0) {
    ::kill(pid_, SIGINT);  // fast shutdown: abort sessions, checkpoint, exit
    auto deadline = Clock::now() + std::chrono::seconds(60);
    int status = 0;
    while (::waitpid(pid_, &status, WNOHANG) == 0) {
      if (Clock::now() > deadline) {
        ::kill(pid_, SIGQUIT);  // immediate shutdown; recovery runs at the next start
        (void)waitExit(pid_);
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    pid_ = -1;
  }
  if (own_socket_dir_ && !socket_dir_.empty()) {
    std::error_code ec;
    fs::remove_all(socket_dir_, ec);
    own_socket_dir_ = false;
  }
  if (lock_fd_ >= 0) {
    ::close(lock_fd_);  // releases the flock
    lock_fd_ = -1;
  }
  return ok();
}

std::string ManagedPostgres::conninfo(const std::string& dbname) const {
  return "host=" + socket_dir_.string() + " port=5432 user=postgres dbname=" + dbname;
}

std::string ManagedPostgres::url(const std::string& dbname) const {
  return "postgresql://postgres@/" + percentEncode(dbname) +
         "?host=" + percentEncode(socket_dir_.string());
}

}  // namespace graft::embedded
