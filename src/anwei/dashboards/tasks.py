"""The daily job of the dashboards: once the year has turned, every agency's filings owed are kept for the new year
(summary.refresh_stale); then every row's figures are counted for the day (summary.count_day), so that the
superior's board reads them alone."""

from __future__ import annotations

from django.db import transaction
from django_tasks import task

from anwei.dashboards import summary


@task()
def dashboards_summary_run() -> int:
    """The number of rows recomputed or counted."""
    with transaction.atomic():
        return summary.refresh_stale() + summary.count_day()
