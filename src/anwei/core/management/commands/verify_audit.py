from django.core.management.base import BaseCommand

from anwei.core.audit import audit_verify


class Command(BaseCommand):
    help = "驗證稽核紀錄雜湊鏈；若有紀錄遭修改或刪除，指出第一筆並以非零結束"

    def handle(self, *args, **opts):
        verdict = audit_verify()
        if verdict.ok:
            self.stdout.write(f"稽核紀錄完整：共 {verdict.checked} 筆，雜湊鏈無誤。")
            return
        where = f"第 #{verdict.broken_id} 筆" if verdict.broken_id else "鏈尾"
        self.stderr.write(f"稽核紀錄遭竄改：{where}：{verdict.reason}（已驗證 {verdict.checked} 筆）")
        raise SystemExit(1)
