"""Load the demo data: each anwei app's demo.load(ctx), in INSTALLED_APPS order.

An app's demo module may also list `LOGINS = [(username, description)]` to print."""

from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from anwei.orgs.demo import DEMO_PASSWORD
from anwei.orgs.models import Agency


def _demo_modules():
    for config in apps.get_app_configs():
        if not config.name.startswith("anwei."):
            continue
        try:
            yield import_module(f"{config.name}.demo")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.demo":
                raise


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
            for module in _demo_modules():
                module.load(ctx)
        self.stdout.write("示範資料已載入。")
        self.print_logins()

    def print_logins(self):
        self.stdout.write(f"示範帳號（密碼皆為 {DEMO_PASSWORD}）：")
        for module in _demo_modules():
            for username, description in getattr(module, "LOGINS", []):
                self.stdout.write(f"  {username:<15} {description}")
