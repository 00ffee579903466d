"""For tests on a database made by a previous version: migrate one app back while the others stay at their
latest, write rows through the historical models, and migrate forward again."""

from __future__ import annotations

from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def latest() -> list[tuple[str, str]]:
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def migrate(targets) -> None:
    MigrationExecutor(connection).migrate(targets)


def with_old(app: str, migration: str, write):
    """Every app at its latest migration but `app` at `migration`; `write(apps)` fills the old tables; then
    forwards to the latest. Returns what `write` returned."""
    migrate(latest())  # from wherever earlier tests left the schema: forwards first, then only backwards
    before = [n for n in latest() if n[0] != app] + [(app, migration)]
    migrate(before)
    try:
        return write(MigrationExecutor(connection).loader.project_state(before).apps)
    finally:
        migrate(latest())


def agency_tree(apps, *names: str):
    """A city and agencies under it, with the tree paths the current code reads (ids zero-padded)."""
    Agency = apps.get_model("orgs", "Agency")
    made = []
    for i, name in enumerate(names):
        a = Agency.objects.create(name=name)
        a.path = f"{made[0].path if i else ''}{a.pk:06d}."
        a.save()
        made.append(a)
    return made
