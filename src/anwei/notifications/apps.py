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
