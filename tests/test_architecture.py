"""The floor plan, enforced: which layer may import which, no cycle between apps, and the rules
every app keeps (writes are services, views read through selectors, roles live in orgs)."""

from __future__ import annotations

import ast
import importlib
import inspect
import re
from functools import cache
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "anwei"

# What each layer may import of the project, besides itself (README 〈開發者須知〉).
FOUNDATION = {"lib": set(), "core": {"lib"}, "orgs": {"lib", "core"}, "documents": {"lib", "core"},
              "portal": {"lib", "core", "orgs"}}
TOP = {"perf"}  # the benchmark app: imports anything, nothing imports it
ROOT_MODULES = {"settings", "urls", "wsgi", "__main__", "__init__"}


def _app_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "anwei" else None


@cache
def _imports() -> dict[str, set[str]]:
    """app → the apps its modules import (at module level or inside functions)."""
    graph: dict[str, set[str]] = {}
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC)
        if "migrations" in rel.parts:
            continue
        app = rel.parts[0] if len(rel.parts) > 1 else rel.stem
        targets = graph.setdefault(app, set())
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            for name in names:
                target = _app_of(name)
                if target and target != app and (SRC / target).exists():
                    targets.add(target)
    return graph


def _domain_apps() -> set[str]:
    return set(_imports()) - set(FOUNDATION) - TOP - ROOT_MODULES


def test_foundation_layers_import_only_what_lies_below():
    wrong = {app: sorted(_imports().get(app, set()) - allowed) for app, allowed in FOUNDATION.items()}
    assert not {a: w for a, w in wrong.items() if w}, f"下層不得匯入上層：{wrong}"


def test_lib_imports_no_django():
    offenders = [str(p.relative_to(SRC)) for p in (SRC / "lib").rglob("*.py")
                 if re.search(r"^\s*(from|import) django\b", p.read_text(encoding="utf-8"), re.M)]
    assert not offenders


def test_nothing_imports_the_benchmark_app():
    assert not [app for app, targets in _imports().items() if "perf" in targets and app not in TOP]


def test_no_cycle_between_apps():
    graph = {app: targets & (_domain_apps() | set(FOUNDATION)) for app, targets in _imports().items()
             if app not in ROOT_MODULES and app not in TOP}
    cycles = []

    def visit(app: str, path: list[str]) -> None:
        for nxt in sorted(graph.get(app, ())):
            if nxt in path:
                cycles.append(path[path.index(nxt):] + [nxt])
            elif len(path) < len(graph):
                visit(nxt, path + [nxt])

    for app in sorted(graph):
        visit(app, [app])
    assert not cycles, f"app 之間的循環匯入：{sorted({' → '.join(c) for c in cycles})}"


def _services_modules():
    for path in sorted(SRC.glob("*/services.py")):
        yield importlib.import_module(f"anwei.{path.parent.name}.services")


@pytest.mark.django_db
def test_every_public_function_of_a_services_module_is_a_service():
    loose = [f"{m.__name__}.{name}" for m in _services_modules()
             for name, fn in inspect.getmembers(m, inspect.isfunction)
             if fn.__module__ == m.__name__ and not name.startswith("_") and not hasattr(fn, "anwei_service")]
    assert not loose, f"services.py 的公開函式必須以 @service 宣告（或移到 selectors.py）：{loose}"


def test_views_read_through_selectors_only():
    """A view that builds its own queryset escapes the tenant scope of the selectors."""
    offenders = [f"{p.relative_to(SRC)}:{n}" for p in SRC.glob("*/views.py")
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1)
                 if ".objects." in line and not line.lstrip().startswith("#")]
    assert not offenders, f"views.py 不得自行查詢資料表，請改用 selectors：{offenders}"


ROLE_CODES = {"ethics_officer", "unit_liaison", "unit_head", "agency_head", "superior_officer", "staff"}


def _role_uses(path: Path) -> list[str]:
    """Where a module outside orgs decides by role: orgs' Role, the policy's role alias, has_role, or a
    role code written out. A domain's own choices may share a code (footage's approval steps) — a
    TextChoices class body is its own vocabulary, not a decision."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []

    def visit(node, in_choices=False):
        if isinstance(node, ast.ClassDef):
            in_choices = any("Choices" in ast.unparse(b) for b in node.bases)
        if isinstance(node, ast.ImportFrom) and node.module == "anwei.orgs.models":
            found.extend(f"{node.lineno}: import {a.name}" for a in node.names if a.name in ("Role", "Membership"))
        elif isinstance(node, ast.Attribute) and node.attr in ("R", "Role", "has_role", "grants") and (
                isinstance(node.value, ast.Name) and node.value.id == "policy"):
            found.append(f"{node.lineno}: policy.{node.attr}")
        elif isinstance(node, ast.Constant) and node.value in ROLE_CODES and not in_choices:
            found.append(f"{node.lineno}: {node.value!r}")
        for child in ast.iter_child_nodes(node):
            visit(child, in_choices)

    visit(tree)
    return found


def test_roles_are_known_only_to_orgs():
    """Who may do what is decided by the policy's named actions; other apps never look at roles."""
    skip = {"orgs", "perf", "lib"}
    offenders = {}
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC)
        if rel.parts[0] in skip or "migrations" in rel.parts or rel.name == "demo.py":
            continue  # (demo data grants the demo people their roles through orgs' services)
        uses = _role_uses(path)
        if uses:
            offenders[str(rel)] = uses
    assert not offenders, f"角色只能在 orgs 內判斷（請在 orgs.policy 加上具名動作）：{offenders}"
