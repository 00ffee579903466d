"""Core's periodic job, enqueued by the scheduler (`anwei scheduler`, notifications.schedule)."""

from __future__ import annotations

from django_tasks import task

from anwei.core.audit import audit_anchor_write


@task()
def audit_anchor_run() -> int:
    """Write the audit chains' ends out of the database (the anchors verify_audit checks against)."""
    return audit_anchor_write()
