"""Signs of attack reach the administrators (every active superuser) in the notification centre and at
once by e-mail, at most once a day per kind of sign (the unique notice per person, key and day):

- a burst of failed sign-ins: ALERT_SIGNIN_FAILURES within ALERT_WINDOW over the whole site (axes' failure
  log, which also names the address most of them came from);
- one signed-in person opening ALERT_PROBE_404 record addresses that do not exist or are not theirs
  within ALERT_WINDOW (someone walking the ids of footage requests or travel records);
- the daily verification of the audit log failing (the job audit_verify)."""

from __future__ import annotations

import datetime as dt
import time

from django.conf import settings
from django.db.models import Count
from django.utils import timezone
from django_tasks import task

from anwei.core.audit import audit_verify

ALERT_WINDOW = dt.timedelta(minutes=10)
_PROBES = "anwei_probe_404"


def signin_failures_check(**kwargs) -> None:
    """Receiver of user_login_failed (after axes has logged the failure)."""
    from axes.models import AccessFailureLog

    from anwei.notifications.services import security_alert

    recent = AccessFailureLog.objects.filter(attempt_time__gte=timezone.now() - ALERT_WINDOW)
    count = recent.count()
    if count < settings.ALERT_SIGNIN_FAILURES:
        return
    top = recent.values("ip_address").annotate(n=Count("id")).order_by("-n").first() or {}
    security_alert(kind="signins", title=f"10 分鐘內登入失敗 {count} 次",
                   note=f"最多來自 {top.get('ip_address') or '不明位址'}（{top.get('n', 0)} 次）；請檢視管理介面的登入失敗紀錄。",
                   url="/admin/axes/accessfailurelog/")


class ProbeAlertMiddleware:
    """Counts, per session, the 404s on addresses of one record (a URL with an id); listed after the
    authentication middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        user = getattr(request, "user", None)
        if (response.status_code == 404 and match is not None and match.kwargs and user is not None
                and user.is_authenticated and hasattr(request, "session")):
            self._count(request, user)
        return response

    @staticmethod
    def _count(request, user) -> None:
        from anwei.notifications.services import security_alert

        now = time.time()
        seen = [t for t in request.session.get(_PROBES, []) if now - t < ALERT_WINDOW.total_seconds()] + [now]
        request.session[_PROBES] = seen[-settings.ALERT_PROBE_404:]
        if len(seen) == settings.ALERT_PROBE_404:  # once when the threshold is reached
            security_alert(kind=f"probe:{user.pk}",
                           title=f"{user.display_with_title()}（{user.get_username()}）10 分鐘內開啟 {len(seen)} 個不存在或無權限的資料網址",
                           note=f"最後一個：{request.path[:200]}", url=f"/admin/orgs/person/{user.pk}/change/")


@task()
def audit_verify_run() -> bool:
    """The daily verification of the audit log; a failure alerts the administrators."""
    from anwei.notifications.services import security_alert

    verdict = audit_verify()
    if not verdict.ok:
        where = f"第 #{verdict.broken_id} 筆" if verdict.broken_id else "鏈尾"
        security_alert(kind="audit", title="稽核紀錄驗證失敗：紀錄可能遭竄改",
                       note=f"雜湊鏈 {verdict.chain}，{where}：{verdict.reason}"[:300], url="/admin/")
    return verdict.ok
