"""A backup of the demo restores elsewhere into the same data: every table, every uploaded file, and an
audit log that still verifies; a damaged backup or a database that is not empty is refused.

One engine per suite run: SQLite in `make test`, PostgreSQL (pg_dump/pg_restore) in `make test-postgres`."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

DUMP = r'''
import hashlib
from django.db import connection
with connection.cursor() as c:
    for table in sorted(connection.introspection.table_names()):
        c.execute(f'SELECT * FROM "{table}"')
        rows = sorted(repr(r) for r in c.fetchall())
        print(table, len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
'''


CREATED: list[str] = []


@pytest.fixture(autouse=True)
def _drop_databases():
    yield
    if CREATED:
        import psycopg

        with psycopg.connect(os.environ["ANWEI_DATABASE_URL"].rsplit("/", 1)[0] + "/postgres",
                             autocommit=True) as conn:
            while CREATED:
                conn.execute(f'DROP DATABASE IF EXISTS "{CREATED.pop()}" WITH (FORCE)')


def _database_url(tmp: Path, name: str) -> str:
    suite = os.environ.get("ANWEI_DATABASE_URL", "")
    if not suite.startswith("postgres"):
        return f"sqlite:///{tmp / name / 'anwei.sqlite3'}"
    import psycopg

    base = suite.rsplit("/", 1)[0]
    db = f"anwei_restore_{name}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(base + "/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{db}"')
    CREATED.append(db)
    return f"{base}/{db}"


def _env(tmp: Path, name: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ANWEI_", "DJANGO_"))}
    env.update({"ANWEI_DATA_DIR": str(tmp / name), "ANWEI_DATABASE_URL": _database_url(tmp, name),
                "ANWEI_SECRET_KEY": "restore-test-secret-" + "s" * 40, "ANWEI_AUDIT_KEY": "restore-test-audit-key",
                "ANWEI_HTTPS": "false", "ANWEI_TASKS_IMMEDIATE": "true"})
    return env


def _anwei(env: dict, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "anwei", *args], env=env, capture_output=True, text=True,
                            timeout=600)
    if check:
        assert result.returncode == 0, result.stdout + result.stderr
    return result


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_demo_backs_up_and_restores_table_for_table(tmp_path):
    source = _env(tmp_path, "a")
    _anwei(source, "migrate", "-v0")
    _anwei(source, "demo")
    _anwei(source, "audit_anchor")
    _anwei(source, "backup", str(tmp_path / "backup"))

    target = _env(tmp_path, "b")
    _anwei(target, "restore", str(tmp_path / "backup"))
    assert _anwei(target, "shell", "-c", DUMP).stdout == _anwei(source, "shell", "-c", DUMP).stdout
    uploads = _files(tmp_path / "a" / "uploads")
    assert uploads and _files(tmp_path / "b" / "uploads") == uploads
    assert "雜湊鏈無誤" in _anwei(target, "verify_audit").stdout

    # Restoring again over the restored data is refused: nothing is overwritten.
    again = _anwei(target, "restore", str(tmp_path / "backup"), check=False)
    assert again.returncode != 0 and "空的資料庫" in again.stderr

    # A damaged backup is refused before anything is written.
    name = next(p for p in (tmp_path / "backup" / "uploads").rglob("*") if p.is_file())
    name.write_bytes(name.read_bytes() + b"x")
    damaged = _anwei(_env(tmp_path, "c"), "restore", str(tmp_path / "backup"), check=False)
    assert damaged.returncode != 0 and "檢查碼不符" in damaged.stderr
