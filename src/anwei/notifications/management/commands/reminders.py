"""`anwei reminders`: run the reminder pass or the digest by hand (the scheduler runs them daily)."""

import datetime as dt

from django.core.management.base import BaseCommand

from anwei.core import clock
from anwei.notifications import engine, outbox, tasks


class Command(BaseCommand):
    help = "提醒與逾期陳報：--dry-run 列出今天會送出的通知，--run 送出，--digest 寄每日摘要，--mail 寄送郵件匣"

    def add_arguments(self, parser):
        parser.add_argument("--run", action="store_true")
        parser.add_argument("--dry-run", action="store_true")
        parser.add_argument("--digest", action="store_true")
        parser.add_argument("--mail", action="store_true")

    def handle(self, *args, run=False, dry_run=False, digest=False, mail=False, **opts):
        today: dt.date = clock.today()
        if dry_run or not (run or digest or mail):
            plan = engine.reminders_plan(today)
            self.stdout.write(f"{today}：{plan.obligations} 項未結義務，{len(plan.notices)} 則通知"
                              + ("" if plan.workday else "（今天不是上班日，不送出提醒）"))
            for n in plan.notices[:200]:
                self.stdout.write(f"  {n.person_id:>6} {n.stage:<10} {n.obligation.title}")
        if run:
            r = tasks.reminders_now()
            self.stdout.write(f"已送出 {r.notices} 則通知，{r.mails} 封即時郵件。" if r else "今天不是上班日，未送出。")
        if digest:
            r = tasks.digest_now()
            self.stdout.write(f"已排入 {r.mails} 封每日摘要。" if r else "今天不是上班日，未寄送。")
        if mail:
            d = outbox.mail_deliver()
            self.stdout.write(f"寄出 {d.sent} 封，失敗 {d.failed} 封（稍後重試）。")
