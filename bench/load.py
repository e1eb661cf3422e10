"""Load generation and process accounting for the benchmarks in bench/: wrk against an HTTP
GraphQL endpoint, pgbench against Postgres, and the CPU time and peak resident memory of the
processes under test, read from /proc. Not a test; used by run.py and permission_cost.py."""

import json
import os
import re
import subprocess
import tempfile

# wrk script: POSTs `prefix .. value .. suffix` (the value drawn uniformly from [lo, hi] per
# request, or no value when lo is nil) with the given headers, and the value in a header too
# when `value_header` is set; counts answers that are not 200 or that carry GraphQL errors.
_WRK_LUA = r"""
local prefix, suffix, lo, hi, value_header = %s, %s, %s, %s, %s
local fixed_headers = %s
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args)
  errors = 0
  math.randomseed(os.time() + (tonumber(tostring({}):sub(8), 16) or 0))
end
function request()
  local headers = {}
  for k, v in pairs(fixed_headers) do headers[k] = v end
  local body = prefix
  if lo ~= nil then
    local value = tostring(math.random(lo, hi))
    if value_header ~= nil then headers[value_header] = value else body = prefix .. value end
  end
  body = body .. suffix
  return wrk.format("POST", nil, headers, body)
end
function response(status, headers, body)
  if status ~= 200 or string.find(body, '"errors"', 1, true) then errors = errors + 1 end
end
function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get("errors") end
  io.write(string.format("graphql-errors: %%d\n", total))
end
"""


def _lua_string(text):
    return "nil" if text is None else json.dumps(text)  # a JSON string is a valid Lua string


def _ms(text):
    """wrk's latency text ("812.00us", "1.20ms", "2.01s", "1.00m") in milliseconds; NaN for
    what it prints when there is no sample ("-nan", "0.00us" parses)."""
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text)
    if not match:
        return float("nan")
    value, unit = match.groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0, "h": 3.6e6}[unit]


def wrk(url, body_prefix, body_suffix="", value_range=None, value_header=None, headers=None,
        seconds=10, connections=32, threads=2, cpus=None):
    """Runs wrk; returns {requests, rps, p50_ms, p99_ms, errors}. value_range=(lo, hi) draws
    a value per request, appended to body_prefix (or put in value_header)."""
    lo, hi = value_range if value_range else (None, None)
    all_headers = {"Content-Type": "application/json", **(headers or {})}
    lua = _WRK_LUA % (_lua_string(body_prefix), _lua_string(body_suffix),
                      "nil" if lo is None else int(lo), "nil" if hi is None else int(hi),
                      _lua_string(value_header),
                      "{" + ", ".join(f"[{_lua_string(k)}] = {_lua_string(v)}"
                                      for k, v in all_headers.items()) + "}")
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(lua)
    try:
        command = ["wrk", f"-t{min(threads, connections)}", f"-c{connections}",
                   f"-d{seconds}s", "--latency", "-s", script.name, url]
        if cpus is not None:
            command = ["taskset", "-c", cpus] + command
        out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(script.name)
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), "
                              r"timeout (\d+)", out)
    errors = int(re.search(r"graphql-errors: (\d+)", out).group(1))
    if socket_errors:
        errors += sum(int(n) for n in socket_errors.groups())
    return {
        "requests": requests,
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50_ms": _ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)),
        "p99_ms": _ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)),
        "errors": max(errors, int(non_2xx.group(1)) if non_2xx else 0),
    }


def pgbench(pg, script_text, seconds=10, connections=32, threads=2, cpus=None):
    """Runs a pgbench script with prepared statements; returns the same keys as wrk()."""
    with tempfile.TemporaryDirectory() as work:
        script = os.path.join(work, "floor.sql")
        with open(script, "w") as f:
            f.write(script_text)
        command = ["pgbench", "-n", "-M", "prepared", "-c", str(connections),
                   "-j", str(min(threads, connections)), "-T", str(seconds), "-l",
                   "--log-prefix", os.path.join(work, "txn"), "-f", script,
                   "-h", pg.socket_dir, "-U", "postgres", "postgres"]
        if cpus is not None:
            command = ["taskset", "-c", cpus] + command
        run = subprocess.run(command, capture_output=True, text=True, check=False)
        if run.returncode != 0:
            raise RuntimeError(f"pgbench failed:\n{run.stderr[-2000:]}\n{script_text}")
        latencies = []
        for name in os.listdir(work):
            if name.startswith("txn"):
                with open(os.path.join(work, name)) as log:
                    latencies.extend(int(line.split()[2]) for line in log)
    latencies.sort()
    failed = int(m.group(1)) if (m := re.search(r"number of failed transactions: (\d+)",
                                                run.stdout)) else 0
    return {
        "requests": len(latencies),
        "rps": float(re.search(r"tps = ([\d.]+) \(without initial", run.stdout).group(1)),
        "p50_ms": latencies[len(latencies) // 2] / 1000 if latencies else 0.0,
        "p99_ms": latencies[min(len(latencies) - 1, len(latencies) * 99 // 100)] / 1000
        if latencies else 0.0,
        "errors": failed,
    }


_TICKS = os.sysconf("SC_CLK_TCK")


def _stat_fields(pid):
    with open(f"/proc/{pid}/stat") as f:
        text = f.read()
    return text[text.rindex(")") + 2:].split()  # fields from 3 (state) on


def cpu_seconds(pid, children=False):
    """CPU time of a process (all its threads); with children=True also of its live child
    processes and of the children it has reaped (cutime/cstime): all of Postgres, given the
    postmaster, including backends that exited during the measurement."""
    fields = _stat_fields(pid)
    ticks = int(fields[11]) + int(fields[12])  # utime, stime
    if children:
        ticks += int(fields[13]) + int(fields[14])  # cutime, cstime
        for child in child_pids(pid):
            try:
                child_fields = _stat_fields(child)
            except OSError:
                continue  # exited meanwhile: now in the parent's cutime
            ticks += int(child_fields[11]) + int(child_fields[12])
    return ticks / _TICKS


def child_pids(pid):
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if int(_stat_fields(entry)[1]) == pid:
                    pids.append(int(entry))
            except (OSError, ValueError):
                continue
    return pids


def memory_kib(pid, field):
    """VmRSS (resident now) or VmHWM (peak resident) of a process, in KiB."""
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise RuntimeError(f"no {field} for {pid}")


def reset_peak_memory(pid):
    """Resets VmHWM to the current resident size (Linux 4.0+)."""
    with open(f"/proc/{pid}/clear_refs", "w") as f:
        f.write("5")


def pin(pid, cpus, threads=True):
    """Moves a process (and its existing threads) onto the given cores; children and threads
    it creates later inherit the affinity."""
    targets = [int(t) for t in os.listdir(f"/proc/{pid}/task")] if threads else [pid]
    for tid in targets:
        try:
            os.sched_setaffinity(tid, cpus)
        except OSError:
            pass  # the thread ended
