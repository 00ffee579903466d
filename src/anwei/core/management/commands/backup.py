from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from anwei.core.backup import backup_write


class Command(BaseCommand):
    help = "備份資料庫與上傳檔案（含檢查碼清單）到新的或空的資料夾：anwei backup 目的地"

    def add_arguments(self, parser):
        parser.add_argument("dest", type=Path)

    def handle(self, *args, dest: Path, **opts):
        try:
            manifest = backup_write(dest)
        except ValidationError as e:
            raise CommandError(" ".join(e.messages)) from e
        self.stdout.write(f"已備份到 {dest}：{len(manifest['files'])} 個檔案（{manifest['engine']}），清單與檢查碼在 manifest.json。")
