"""@service: the one way a domain write is declared.

A service runs in one transaction and must leave at least one audit row there when it wrote
anything: a write without a trace would leave history incomplete and cached pages stale (the
data versions move with audit rows). The check is structural, not a convention: while a service
runs, the statements it sends are watched, and a service that inserted, updated or deleted a
domain row without recording an audit row raises AuditMissing, which rolls the whole change back.

Every service registers itself by name; the test suite checks that each registered service was
called (and so checked) at least once, and that every public function of every `services.py`
is a service.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import ParamSpec, TypeVar

from django.db import transaction

from anwei.core.audit import audit_listen

P = ParamSpec("P")
R = TypeVar("R")

# Tables written as bookkeeping of a change, not as the change itself.
EXEMPT_TABLES = frozenset({
    "core_auditentry", "core_auditchain", "core_dataversion",  # the trace itself
    "django_session",  # a login inside a service call (tests) refreshes the session
    "django_tasks_database_dbtaskresult",  # a task queued by the service (django-tasks-db)
})
_WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?([A-Za-z0-9_]+)"?', re.IGNORECASE)


class AuditMissing(RuntimeError):
    """A service changed data without recording who did what."""


@dataclass
class _Call:
    writes: int = 0
    audits: int = 0


_local = threading.local()
_registry: dict[str, Callable] = {}
_called: set[str] = set()
_finishers: list[Callable[[], None]] = []


def service_finish_register(fn: Callable[[], None]) -> None:
    """Run `fn` when the outermost service has done all its writes, still inside its transaction: bookkeeping
    that must see the finished change (a summary read back from the records after a delete that followed its
    audit row) and must commit or roll back with it."""
    if fn not in _finishers:
        _finishers.append(fn)


def in_service() -> bool:
    return bool(_stack())


def _stack() -> list[_Call]:
    stack = getattr(_local, "stack", None)
    if stack is None:
        stack = _local.stack = []
    return stack


def _count_writes(execute, sql, params, many, context):
    stack = _stack()
    if stack:
        match = _WRITE.match(sql)
        if match and match.group(1).lower() not in EXEMPT_TABLES:
            stack[-1].writes += 1
    return execute(sql, params, many, context)


def _count_audit(entry, obj, access) -> None:
    stack = _stack()
    if stack:
        stack[-1].audits += 1


audit_listen(_count_audit)


def service(fn: Callable[P, R]) -> Callable[P, R]:
    """Declare a write service: atomic, registered, and refused if it writes without an audit row."""
    name = f"{fn.__module__}.{fn.__qualname__}"

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with transaction.atomic():
            stack = _stack()
            call = _Call()
            stack.append(call)
            try:
                if len(stack) == 1:
                    with transaction.get_connection().execute_wrapper(_count_writes):
                        result = fn(*args, **kwargs)
                else:
                    result = fn(*args, **kwargs)
            finally:
                stack.pop()
                if stack:  # an inner service's writes and rows count for its caller too
                    stack[-1].writes += call.writes
                    stack[-1].audits += call.audits
            _called.add(name)
            if call.writes and not call.audits:
                raise AuditMissing(f"{name} 寫入了 {call.writes} 筆資料卻沒有留下稽核紀錄")
            if not stack:
                for finish in _finishers:
                    finish()
            return result

    wrapper.anwei_service = name  # type: ignore[attr-defined]
    _registry[name] = wrapper
    return wrapper


def service_registry() -> dict[str, Callable]:
    """Every service defined so far (modules register when imported), by dotted name."""
    return dict(_registry)


def services_called() -> set[str]:
    """The services that ran (and were checked) in this process."""
    return set(_called)
