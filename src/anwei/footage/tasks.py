"""Background job: the same retention run as `anwei retention --run`, for a daily schedule
(enqueue it from cron or a scheduler: `footage_retention_run.enqueue()`; `anwei db_worker` runs it)."""

from django_tasks import task

from anwei.footage import services


@task()
def footage_retention_run(dry_run: bool = False) -> int:
    return len(services.retention_run(dry_run=dry_run).destroyed)
