"""Load: the application under gunicorn on 127.0.0.1, wrk with 50 connections, logged in.

Three runs: the page mix as served (pages reused from the page cache while the data is unchanged),
the bare floor view, and the same mix with the page cache off (every page rendered afresh: what
the server does when every request follows a change).

Everything is bounded: gunicorn's start is waited for at most 60 s, wrk runs for a fixed time
with a 10 s request timeout (a slower answer counts as an error), and gunicorn is always terminated (try/finally).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

WRK = shutil.which("wrk") or "/usr/bin/wrk"

LUA = r"""
-- A realistic mix of pages, each with the session cookie of the person who would open it.
local reqs = {}
bad = 0
%(entries)s
local i = 0
function setup(thread)
  table.insert(threads, thread)
end
threads = {}
function init(args)
  bad = 0
end
function request()
  i = i %% #reqs + 1
  return reqs[i]
end
function response(status, headers, body)
  if status < 200 or status > 299 then bad = bad + 1 end
end
function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + (t:get("bad") or 0) end
  io.write(string.format("NON2XX %%d\n", total))
  io.write(string.format("P50US %%d\nP99US %%d\n", latency:percentile(50), latency:percentile(99)))
end
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def lua_script(entries: list[tuple[str, str]]) -> str:
    """entries: (path, session cookie), repeated in proportion to how often people open them."""
    lines = [f'table.insert(reqs, wrk.format("GET", "{path}", {{["Cookie"] = "{cookie}", '
             f'["Host"] = "127.0.0.1"}}))' for path, cookie in entries]
    return LUA % {"entries": "\n".join(lines)}


def _wait_ready(port: int, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
                if r.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not start within 60 s")


def _workers(master: int) -> list[int]:
    try:
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    except OSError:
        return []
    return [int(c) for c in children]


def _hwm_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _wrk(port: int, script: Path, seconds: int, connections: int) -> dict:
    # One wrk thread drives 50 connections easily and leaves the cores to the server.
    cmd = [WRK, "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "--latency", "-s", str(script),
           f"http://127.0.0.1:{port}/"]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 60, check=True)
    out = done.stdout
    if "NON2XX" not in out:
        raise RuntimeError(f"wrk gave no summary:\n{out}\n{done.stderr}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    socket_errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    non2xx = int(re.search(r"NON2XX (\d+)", out).group(1))
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    if socket_errors or non2xx:
        print(f"# wrk {script.name}: {non2xx} non-2xx, socket errors: "
              f"{re.search(r'Socket errors.*', out).group(0) if socket_errors else 0}", file=sys.stderr)
    return {"rps": rps, "p50": int(re.search(r"P50US (\d+)", out).group(1)) / 1000,
            "p99": int(re.search(r"P99US (\d+)", out).group(1)) / 1000, "errors": non2xx + socket_errors,
            "requests": requests, "raw": out}


def run(*, env: dict, mix: list[tuple[str, str]], floor: tuple[str, str], seconds: int, connections: int = 50,
        workers: int = 2) -> dict:
    """Load the mix, then the floor view, then the mix with the page cache off; return figures."""
    with tempfile.TemporaryDirectory(prefix="anwei-wrk-") as tmp:
        mix_lua, floor_lua = Path(tmp, "mix.lua"), Path(tmp, "floor.lua")
        mix_lua.write_text(lua_script(mix))
        floor_lua.write_text(lua_script([floor]))
        with _served(env, workers) as (port, proc):
            _wrk(port, mix_lua, 1, 4)  # warm every worker on every page
            app = _wrk(port, mix_lua, seconds, connections)
            _wait_ready(port, proc)  # let the workers drain what wrk left queued
            bare = _wrk(port, floor_lua, seconds, connections)
            rss = max((_hwm_mb(p) for p in _workers(proc.pid)), default=0.0)
        with _served({**env, "ANWEI_PAGE_CACHE": "false"}, workers) as (port, proc):
            _wrk(port, mix_lua, 1, 4)
            cold = _wrk(port, mix_lua, seconds, connections)
    return {"app": app, "floor": bare, "cold": cold, "rss_mb": rss}


@contextlib.contextmanager
def _served(env: dict, workers: int):
    """gunicorn on a free loopback port, always terminated."""
    port = free_port()
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    proc = subprocess.Popen([gunicorn, "anwei.wsgi", "--workers", str(workers), "--bind", f"127.0.0.1:{port}",
                             "--timeout", "60", "--log-level", "warning"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        _wait_ready(port, proc)
        yield port, proc
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=15)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait(timeout=10)
