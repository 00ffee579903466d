"""Load the demo data: each anwei app's demo.load(ctx), in INSTALLED_APPS order."""

from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from anwei.orgs.demo import DEMO_LOGINS, DEMO_PASSWORD
from anwei.orgs.models import Agency


class Command(BaseCommand):
    help = "載入示範資料（虛構的機關與人員）"

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true", help="資料庫已有機關時不做任何事")

    def handle(self, *args, if_empty=False, **opts):
        if Agency.objects.exists():
            if if_empty:
                self.stdout.write("資料庫已有資料，略過示範資料。")
                self.print_logins()
                return
            self.stderr.write("資料庫已有資料；示範資料只能載入空的資料庫。")
            raise SystemExit(1)
        ctx: dict = {}
        with transaction.atomic():
            for config in apps.get_app_configs():
                if not config.name.startswith("anwei."):
                    continue
                try:
                    module = import_module(f"{config.name}.demo")
                except ModuleNotFoundError as exc:
                    if exc.name != f"{config.name}.demo":
                        raise
                    continue
                module.load(ctx)
        self.stdout.write("示範資料已載入。")
        self.print_logins()

    def print_logins(self):
        self.stdout.write(f"示範帳號（密碼皆為 {DEMO_PASSWORD}）：")
        for username, full_name, title, unit, _roles, label in DEMO_LOGINS:
            self.stdout.write(f"  {username:<10} {label}：{title}{full_name}")
        self.stdout.write(f"  {'superior':<10} 海港市政府政風處（上級政風機構）：科長李淑芬")
        self.stdout.write(f"  {'admin':<10} 系統管理者（/admin/）")
