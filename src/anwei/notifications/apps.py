from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    """Reaching people where they are: reminders and escalations computed from the obligations every app
    declares (portal.obligations), the notification centre, e-mail, calendar feeds, and the scheduler
    that runs the periodic jobs. Above every domain app in the list; none of them imports it except to
    plug a job or calendar events in."""

    name = "anwei.notifications"
    label = "notifications"
    verbose_name = "通知"

    def ready(self) -> None:
        from anwei.notifications import announce, schedule, tasks
        from anwei.portal.obligations import announce_listen

        announce_listen(announce.announce)

        schedule.job_register("reminders", tasks.reminders_run, "提醒與逾期陳報")
        schedule.job_register("digest", tasks.digest_run, "每日待辦摘要電子郵件")
        schedule.job_register("mail", tasks.mail_run, "寄送（重試）電子郵件", if_due=tasks.mail_due)

        from anwei.core.tasks import audit_anchor_run

        schedule.job_register("audit_anchor", audit_anchor_run, "稽核紀錄鏈尾寫入外部錨點")

        from django.contrib.auth.signals import user_login_failed

        from anwei.notifications import alerts

        schedule.job_register("audit_verify", alerts.audit_verify_run, "驗證稽核紀錄（失敗時通知系統管理者）")
        user_login_failed.connect(alerts.signin_failures_check, weak=False, dispatch_uid="anwei.alerts.signins")
