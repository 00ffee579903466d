"""Rebuild the search index from the records (after a restore or an upgrade), with a progress bar."""

import sys
import time

from django.core.management.base import BaseCommand

from anwei.search import index
from anwei.search.models import Entry


class Command(BaseCommand):
    help = "重建搜尋索引（還原備份或升級後執行）"

    def add_arguments(self, parser):
        parser.add_argument("--kind", action="append", help="只重建這一類（可重複）")

    def handle(self, *args, kind=None, **opts):
        started = time.monotonic()
        tty = sys.stdout.isatty()

        def progress(label, done, total):
            width = 30
            filled = width * done // total if total else width
            line = f"{label:<8} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}"
            if tty:
                self.stdout.write("\r" + line, ending="\n" if done >= total else "")
            elif done >= total:
                self.stdout.write(line)

        rows = index.rebuild(progress, kinds=kind)
        self.stdout.write(f"搜尋索引已重建：{rows} 筆，{time.monotonic() - started:.1f} 秒"
                          f"（索引共 {Entry.objects.count()} 筆）。")
