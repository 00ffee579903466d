"""The daily disabling of unused accounts, enqueued by the scheduler (`anwei scheduler`)."""

from __future__ import annotations

from django_tasks import task

from anwei.accounts.services import accounts_idle_disable


@task()
def accounts_idle_run() -> int:
    return len(accounts_idle_disable())
