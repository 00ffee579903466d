"""Walks every URL pattern as anonymous and as every role, and checks the answer."""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import tests.permission_tables as tables
from tests.world import ROLES

SKIP_NAMESPACES = {"admin"}  # Django admin: is_staff only, tested in tests/web/test_admin_access.py


def _all_rows():
    rows = []
    for info in pkgutil.iter_modules(tables.__path__):
        module = importlib.import_module(f"tests.permission_tables.{info.name}")
        rows.extend(module.ROWS)
    return rows


def _url_names(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    names = set()
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            if p.namespace in SKIP_NAMESPACES:
                continue
            ns = f"{prefix}{p.namespace}:" if p.namespace else prefix
            names |= _url_names(p, ns)
        elif isinstance(p, URLPattern) and p.name:
            names.add(prefix + p.name)
    return names


ROWS = _all_rows()


def test_every_url_is_in_the_matrix():
    covered = [r.name for r in ROWS]
    missing = _url_names() - set(covered)
    assert not missing, f"URL 未列入權限矩陣：{sorted(missing)}"
    dupes = {n for n in covered if covered.count(n) > 1}
    assert not dupes, f"權限矩陣重複列出：{sorted(dupes)}"


@pytest.mark.parametrize("row", ROWS, ids=[r.name + (f"[{r.method}]" if r.method != "get" else "") for r in ROWS])
def test_permission_matrix(row, world, client):
    url = reverse(row.name, kwargs=row.kwargs(world)) + (f"?{row.query}" if row.query else "")
    failures = []
    for role in ["anonymous", *ROLES]:
        client.logout()
        if role != "anonymous":
            client.force_login(world.people[role])
        data = row.data(world) if row.data else {}
        response = getattr(client, row.method)(url, data)
        if response.status_code != row.expected(role):
            failures.append(f"{role}: 期望 {row.expected(role)}，實得 {response.status_code}")
    assert not failures, f"{row.name} {url}\n" + "\n".join(failures)
