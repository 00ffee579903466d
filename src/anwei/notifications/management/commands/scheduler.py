"""`anwei scheduler`: enqueue the periodic jobs at their times (settings.SCHEDULE) for `anwei db_worker`."""

import signal

from django.core.management.base import BaseCommand

from anwei.notifications import schedule


class Command(BaseCommand):
    help = "排程：依設定的時間將提醒、每日摘要、郵件重試與保存期限銷毀排入背景工作"

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="只檢查一次（測試用）")
        parser.add_argument("--interval", type=float, default=20.0, help="檢查間隔秒數")

    def handle(self, *args, once=False, interval=20.0, **opts):
        if once:
            for name in schedule.tick():
                self.stdout.write(f"已排入：{name}")
            return
        stopping = []
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, lambda *_: stopping.append(True))
        for name, job in schedule.jobs().items():
            self.stdout.write(f"  {name:<10} {schedule.cron_of(name) or '（未排程）':<16} {job.label}")
        self.stdout.write("排程已啟動（Ctrl-C 結束）。")
        schedule.run_forever(interval, stop=lambda: bool(stopping))
