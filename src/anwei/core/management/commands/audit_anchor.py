from django.core.management.base import BaseCommand

from anwei.core.audit import audit_anchor_write


class Command(BaseCommand):
    help = "將各稽核雜湊鏈的鏈尾寫入外部錨點檔（排程每小時自動執行）"

    def handle(self, *args, **opts):
        written = audit_anchor_write()
        self.stdout.write(f"已寫入 {written} 條雜湊鏈的鏈尾錨點。" if written else "各雜湊鏈自上次錨點後沒有新紀錄。")
