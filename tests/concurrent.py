"""Run the same work in several threads released at once (each thread has its own database
connection), for tests of what two people doing the same thing at the same instant get."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from django.db import connection, connections


def postgresql_only() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("concurrency is exercised on PostgreSQL (.ci/run runs the suite there)")


def at_once(threads: int, work: Callable[[int], None]) -> list[Exception]:
    """work(n) in `threads` threads started together; the exceptions they raised."""
    barrier = threading.Barrier(threads)
    errors: list[Exception] = []

    def run(n: int) -> None:
        try:
            barrier.wait()
            work(n)
        except Exception as exc:  # reported to the test
            errors.append(exc)
        finally:
            connections.close_all()

    pool = [threading.Thread(target=run, args=(n,)) for n in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join(timeout=120)
    return errors
