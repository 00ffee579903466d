"""More than one machine: two application servers (gunicorn, on two loopback ports) on one PostgreSQL
database and one shared Memcached, and the task worker on its own. A change made through one server is
seen through the other on the next request; a job enqueued by one is run by the worker."""

import http.cookiejar
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.postgres

DEMO_PASSWORD = "anwei-demo-2026"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(port: int, timeout: float = 60) -> None:
    end = time.time() + timeout
    while time.time() < end:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise AssertionError(f"nothing answers on port {port}")


class Browser:
    """A person's browser: one cookie jar, any server."""

    def __init__(self):
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, url: str) -> str:
        with self.opener.open(url, timeout=30) as r:
            return r.read().decode()

    def post(self, url: str, data: dict) -> str:
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', self.get(url)).group(1)
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        request = urllib.request.Request(url, data=body, headers={"Referer": url})
        with self.opener.open(request, timeout=30) as r:
            return r.read().decode()


@pytest.fixture
def database():
    suite = os.environ.get("ANWEI_DATABASE_URL", "")
    if not suite.startswith("postgres"):
        pytest.skip("the suite runs on SQLite: several servers share PostgreSQL")
    import psycopg

    base, name = suite.rsplit("/", 1)[0], f"anwei_two_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(base + "/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield f"{base}/{name}"
    with psycopg.connect(base + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_two_servers_one_database_one_cache_and_a_worker(database, tmp_path):
    memcached = shutil.which("memcached")
    assert memcached, "memcached is installed by scripts/system-packages.sh test"
    processes = []
    try:
        cache_port = _free_port()
        user = ["-u", "nobody"] if os.geteuid() == 0 else []
        processes.append(subprocess.Popen([memcached, "-l", "127.0.0.1", "-p", str(cache_port), "-U", "0", *user]))
        env = {k: v for k, v in os.environ.items() if not k.startswith(("ANWEI_", "DJANGO_"))}
        env.update({"ANWEI_DATABASE_URL": database, "ANWEI_DATA_DIR": str(tmp_path),
                    "ANWEI_CACHE_URL": f"memcached://127.0.0.1:{cache_port}",
                    "ANWEI_SECRET_KEY": "two-servers-secret-" + "k" * 40, "ANWEI_AUDIT_KEY": "two-servers-audit",
                    "ANWEI_HTTPS": "false", "ANWEI_SECOND_FACTOR_FOR_ADMINS": "false"})
        anwei = [sys.executable, "-m", "anwei"]
        subprocess.run([*anwei, "migrate", "-v0"], env=env, check=True, timeout=300)
        subprocess.run([*anwei, "demo"], env=env, check=True, timeout=300, capture_output=True)
        ports = [_free_port(), _free_port()]
        gunicorn = str(Path(sys.executable).with_name("gunicorn"))
        for port in ports:
            processes.append(subprocess.Popen([gunicorn, "anwei.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}"],
                                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        for port in ports:
            _wait(port)
        a, b = (f"http://127.0.0.1:{p}" for p in ports)

        person = Browser()  # signs in on one server; the session is good on the other
        person.post(a + "/login/", {"username": "officer", "password": DEMO_PASSWORD})
        assert "待辦事項" in person.get(b + "/")
        page = person.post(a + "/me/", {"email": "officer.two@example.invalid", "email_mode": "digest"})
        assert "已儲存通知設定" in page
        assert "officer.two@example.invalid" in person.get(b + "/me/")  # the next request, the other server

        # The web servers only enqueue; the worker, on its own, runs the job.
        subprocess.run([*anwei, "shell", "-c", "from anwei.core.tasks import audit_anchor_run; audit_anchor_run.enqueue()"],
                       env=env, check=True, timeout=120)
        anchors = tmp_path / "audit-anchors.jsonl"
        assert not anchors.exists()
        processes.append(subprocess.Popen([*anwei, "db_worker"], env=env, stdout=subprocess.DEVNULL,
                                          stderr=subprocess.DEVNULL))
        end = time.time() + 60
        while not anchors.exists() and time.time() < end:
            time.sleep(0.5)
        assert anchors.exists() and anchors.read_text(encoding="utf-8").strip()
    finally:
        for p in reversed(processes):
            p.terminate()
        for p in processes:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
