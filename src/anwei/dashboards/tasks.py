"""The daily job of the dashboards: once the year has turned, every agency's filings owed are kept for the new year
(summary.refresh_stale); on other days it finds nothing to do."""

from __future__ import annotations

from django.db import transaction
from django_tasks import task

from anwei.dashboards import summary


@task()
def dashboards_summary_run() -> int:
    with transaction.atomic():
        return summary.refresh_stale()
