"""Rebuild the dashboards' per-agency summaries from the records (after a restore, an upgrade or bulk loading)."""

import time

from django.core.management.base import BaseCommand
from django.db import transaction

from anwei.dashboards import summary


class Command(BaseCommand):
    help = "重建儀表板的各機關摘要（還原備份、升級或大量匯入後執行）"

    def handle(self, *args, **opts):
        started = time.monotonic()
        with transaction.atomic():
            n = summary.rebuild()
        self.stdout.write(f"儀表板摘要已重建：{n} 個機關，{time.monotonic() - started:.1f} 秒。")
