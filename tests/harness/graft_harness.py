"""Test harness: throwaway PostgreSQL 15 clusters, the real graft binary, and an HTTP client.

Everything is started for real and torn down by the caller (use the objects as context
managers, or call stop()). Readiness is polled with deadlines, never slept for. Works as
root: postgres then runs as the `postgres` system user.
"""

import ctypes
import http.client
import json
import os
import pwd
import re
import shutil
import signal
import subprocess
import tempfile
import time

PG_BIN = os.environ.get("GRAFT_PG_BIN", "/usr/lib/postgresql/15/bin")
GRAFT_BIN = os.environ.get("GRAFT_BIN", "")


class HarnessError(RuntimeError):
    pass


def wait_until(predicate, timeout, what, interval=0.02):
    """Polls predicate() until it returns a truthy value or the deadline passes."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise HarnessError(f"timed out after {timeout}s waiting for {what}")
        time.sleep(interval)


def _server_user():
    """(uid, gid) that postgres must run as, or None when we are not root."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pw = pwd.getpwnam(name)
            return pw.pw_uid, pw.pw_gid
        except KeyError:
            continue
    raise HarnessError("running as root but there is no postgres or nobody user")


_PR_SET_PDEATHSIG = 1
_libc = ctypes.CDLL(None, use_errno=True)


def _die_with_harness(sig):
    """In a child before exec: get `sig` when the harness dies (killed by a ctest timeout,
    interrupted), so no server outlives the test that started it."""
    _libc.prctl(_PR_SET_PDEATHSIG, int(sig), 0, 0, 0)


def _demote(ids, death_signal=signal.SIGQUIT):
    """preexec_fn: drop to (uid, gid) when given, then arrange to die with the harness.
    The death signal is set after setuid, which would clear it."""

    def run():
        if ids is not None:
            os.setgroups([])
            os.setgid(ids[1])
            os.setuid(ids[0])
        _die_with_harness(death_signal)

    return run


def make_temp_dir(prefix):
    path = tempfile.mkdtemp(prefix=prefix)
    os.chmod(path, 0o755)  # postgres (another user when we are root) must traverse it
    return path


class PgCluster:
    """A PostgreSQL 15 cluster in a temporary directory, on a unix socket, fsync off."""

    def __init__(self, base_dir=None):
        self._own_base = base_dir is None
        self.base_dir = base_dir or make_temp_dir("graft-e2e-pg-")
        self.data_dir = os.path.join(self.base_dir, "data")
        self.socket_dir = os.path.join(self.base_dir, "sock")
        self.log_path = os.path.join(self.base_dir, "postgres.log")
        self.proc = None
        self._ids = _server_user()

    def _chown(self, path):
        if self._ids:
            os.chown(path, *self._ids)

    def init(self):
        os.makedirs(self.data_dir, exist_ok=True)
        os.makedirs(self.socket_dir, exist_ok=True)
        for p in (self.data_dir, self.socket_dir):
            os.chmod(p, 0o700)
            self._chown(p)
        with open(self.log_path, "ab") as log:
            self._chown(self.log_path)
            subprocess.run(
                [f"{PG_BIN}/initdb", "-D", self.data_dir, "-U", "postgres", "--auth=trust",
                 "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
                stdout=log, stderr=log, preexec_fn=_demote(self._ids), check=True)
        return self

    def start(self, timeout=30):
        log = open(self.log_path, "ab")
        self.proc = subprocess.Popen(
            [f"{PG_BIN}/postgres", "-D", self.data_dir, "-k", self.socket_dir,
             "-c", "listen_addresses=", "-c", "fsync=off", "-c", "full_page_writes=off",
             "-c", "timezone=UTC"],
            stdout=log, stderr=log, stdin=subprocess.DEVNULL,
            preexec_fn=_demote(self._ids), start_new_session=True)
        log.close()

        def ready():
            if self.proc.poll() is not None:
                raise HarnessError("postgres exited during start-up:\n" + self.log_tail())
            r = subprocess.run([f"{PG_BIN}/pg_isready", "-q", "-h", self.socket_dir,
                                "-U", "postgres"], check=False)
            return r.returncode == 0

        wait_until(ready, timeout, "postgres to accept connections")
        return self

    def stop(self, mode="fast"):
        """mode: 'fast' (SIGINT), 'immediate' (SIGQUIT) or 'kill' (SIGKILL)."""
        if self.proc is None:
            return
        sig = {"fast": signal.SIGINT, "immediate": signal.SIGQUIT, "kill": signal.SIGKILL}[mode]
        try:
            self.proc.send_signal(sig)
            self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc = None

    def destroy(self):
        self.stop()
        if self._own_base:
            shutil.rmtree(self.base_dir, ignore_errors=True)

    def url(self, dbname="postgres"):
        return f"postgresql://postgres@/{dbname}?host={self.socket_dir}"

    def psql(self, sql, dbname="postgres"):
        """Runs SQL through psql and returns its unaligned, tuples-only output."""
        r = subprocess.run(["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                            "-h", self.socket_dir, "-U", "postgres", "-d", dbname, "-c", sql],
                           capture_output=True, text=True, check=False)
        if r.returncode != 0:
            raise HarnessError(f"psql failed: {r.stderr}")
        return r.stdout.strip()

    def log_tail(self, n=3000):
        try:
            with open(self.log_path, "rb") as f:
                return f.read()[-n:].decode(errors="replace")
        except OSError:
            return ""

    def __enter__(self):
        return self.init().start()

    def __exit__(self, *exc):
        self.destroy()


class Graft:
    """The real graft binary, started with `serve` on a free port (--server-port 0)."""

    def __init__(self, args=(), env=None, cwd=None, binary=None):
        self.binary = binary or GRAFT_BIN
        if not self.binary or not os.access(self.binary, os.X_OK):
            raise HarnessError(f"graft binary not found: set GRAFT_BIN (got {self.binary!r})")
        self.args = list(args)
        self.env = dict(env or {})
        self.cwd = cwd
        self.proc = None
        self.port = None
        self.log_dir = make_temp_dir("graft-e2e-log-")
        self.stdout_path = os.path.join(self.log_dir, "stdout.log")
        self.stderr_path = os.path.join(self.log_dir, "stderr.log")

    def start(self, timeout=60, expect_ready=True):
        env = {k: v for k, v in os.environ.items() if not k.startswith("HASURA_GRAPHQL_")}
        env.update(self.env)
        env.setdefault("HASURA_GRAPHQL_SERVER_PORT", "0")
        env.setdefault("GRAFT_THREADS", "2")
        self._out = open(self.stdout_path, "wb")
        self._err = open(self.stderr_path, "wb")
        self.proc = subprocess.Popen([self.binary, "serve", *self.args], env=env, cwd=self.cwd,
                                     stdout=self._out, stderr=self._err,
                                     stdin=subprocess.DEVNULL,
                                     preexec_fn=_demote(None, signal.SIGTERM))
        if not expect_ready:
            return self

        def listening():
            if self.proc.poll() is not None:
                raise HarnessError(f"graft exited with {self.proc.returncode} during start-up:\n"
                                   + self.output())
            for line in self.log_lines():
                detail = line.get("detail", {})
                if line.get("type") == "startup" and isinstance(detail, dict) \
                        and detail.get("kind") == "server":
                    return detail["info"]["port"]
            return None

        self.port = wait_until(listening, timeout, "graft to listen")
        wait_until(lambda: self._healthz_answers(), timeout, "graft /healthz")
        return self

    def _healthz_answers(self):
        try:
            status, _, _ = self.request("GET", "/healthz")
            return status in (200, 500)
        except OSError:
            return False

    def wait_exit(self, timeout=60):
        try:
            return self.proc.wait(timeout=timeout)
        finally:
            self._close_files()

    def stop(self, sig=signal.SIGTERM, timeout=60):
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        code = self.proc.returncode
        self._close_files()
        return code

    def _close_files(self):
        for f in (getattr(self, "_out", None), getattr(self, "_err", None)):
            if f and not f.closed:
                f.close()

    def log_lines(self):
        lines = []
        with open(self.stdout_path, "rb") as f:
            for raw in f.read().splitlines():
                try:
                    lines.append(json.loads(raw))
                except ValueError:
                    pass
        return lines

    def output(self):
        with open(self.stdout_path, "rb") as f:
            out = f.read().decode(errors="replace")
        with open(self.stderr_path, "rb") as f:
            err = f.read().decode(errors="replace")
        return f"--- stdout\n{out[-4000:]}\n--- stderr\n{err[-4000:]}"

    def connection(self, timeout=30):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def request(self, method, path, body=None, headers=None, timeout=30):
        """One request on a fresh connection: (status, headers dict lower-cased, body bytes)."""
        conn = self.connection(timeout)
        try:
            return send(conn, method, path, body, headers)
        finally:
            conn.close()

    def close(self):
        """Stops graft (if running) and removes its log directory."""
        self.stop()
        shutil.rmtree(self.log_dir, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.close()


def send(conn, method, path, body=None, headers=None):
    """Sends a request on an existing (keep-alive) connection."""
    hdrs = dict(headers or {})
    if isinstance(body, (dict, list)):
        body = json.dumps(body).encode()
        hdrs.setdefault("Content-Type", "application/json")
    elif isinstance(body, str):
        body = body.encode()
    conn.request(method, path, body=body, headers=hdrs)
    resp = conn.getresponse()
    data = resp.read()
    return resp.status, {k.lower(): v for k, v in resp.getheaders()}, data


def managed_socket_dir(graft):
    """The unix socket directory of graft's managed PostgreSQL, read from its startup log."""
    for line in graft.log_lines():
        detail = line.get("detail", {})
        if isinstance(detail, dict) and detail.get("kind") == "managed-postgres":
            m = re.search(r"unix socket directory (\S+)", str(detail.get("info", "")))
            if m:
                return m.group(1)
    raise HarnessError("graft did not log its managed PostgreSQL socket directory")
