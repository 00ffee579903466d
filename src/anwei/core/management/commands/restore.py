from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from anwei.core.backup import restore_read


class Command(BaseCommand):
    help = "由 anwei backup 的備份還原到空的資料庫與資料夾（先核對檢查碼）：anwei restore 備份資料夾"

    def add_arguments(self, parser):
        parser.add_argument("src", type=Path)

    def handle(self, *args, src: Path, **opts):
        try:
            manifest = restore_read(src)
        except ValidationError as e:
            raise CommandError(" ".join(e.messages)) from e
        self.stdout.write(f"已還原 {src}（備份時間 {manifest['created_at']}）；請執行 anwei verify_audit 核對稽核紀錄。")
