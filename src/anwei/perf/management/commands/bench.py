"""anwei bench: the benchmark (bench/run.py in the source tree) in one process tree."""

import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = ("效能量測：在暫存資料庫產生小、大兩種規模的合成資料，量測各主要頁面、文件輸出與 gunicorn 負載，"
            "每行輸出一筆 JSON（name、value、unit），最後列出摘要表。不會動到正在使用的資料庫。")

    def add_arguments(self, parser):
        parser.add_argument("--quick", action="store_true", help="縮小版（10 倍資料、10 秒負載，約 1 分鐘）")
        parser.add_argument("--smoke", action="store_true", help="最小版，只確認每個指標都產生（測試用）")
        parser.add_argument("--keep", action="store_true", help="保留暫存資料庫以便檢查")

    def handle(self, *args, quick, smoke, keep, **opts):
        repo = str(settings.REPO_DIR)
        if repo not in sys.path:
            sys.path.insert(0, repo)
        try:
            from bench.run import run, summary
        except ImportError as exc:
            raise CommandError(f"找不到 bench/（請在原始碼目錄執行）：{exc}") from None
        rows = run("smoke" if smoke else "quick" if quick else "full", keep=keep)
        self.stdout.write(summary(rows))
