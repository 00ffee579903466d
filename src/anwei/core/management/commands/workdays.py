import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from anwei.core import workdays
from anwei.lib import rocdate


def _date(text: str) -> dt.date:
    try:
        return rocdate.parse(text)
    except rocdate.RocDateError as exc:
        raise CommandError(str(exc)) from None


def _scope(name: str) -> str:
    """The agency's tree path (core knows agencies only through the app registry: it lies below orgs)."""
    if not name:
        return ""
    from django.apps import apps
    from django.db.models import Q

    agency = apps.get_model("orgs", "Agency").objects.filter(Q(name=name) | Q(code=name)).first()
    if agency is None:
        raise CommandError(f"找不到機關「{name}」。")
    return agency.path


class Command(BaseCommand):
    help = "政府機關辦公日計算：add DATE N（第 N 個工作日）、between A B（含首尾的工作日數）、is DATE"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="op", required=True)
        add = sub.add_parser("add", help="DATE 之後（N 為負數則之前）第 N 個工作日")
        add.add_argument("date")
        add.add_argument("n", type=int)
        between = sub.add_parser("between", help="兩日之間（含首尾）的工作日數")
        between.add_argument("start")
        between.add_argument("end")
        is_ = sub.add_parser("is", help="該日是否上班")
        is_.add_argument("date")
        for p in (add, between, is_):
            p.add_argument("--agency", default="", help="以該機關（名稱或機關代碼）的行事曆計算，含其縣市的停班")

    def handle(self, *args, op, **opts):
        scope = _scope(opts.get("agency", ""))
        if op == "add":
            result = workdays.workday_add(_date(opts["date"]), opts["n"], scope)
            self.stdout.write(f"{result.isoformat()} {rocdate.format_long(result)}（{rocdate.weekday_zh(result)}）")
        elif op == "between":
            self.stdout.write(str(workdays.workdays_between(_date(opts["start"]), _date(opts["end"]), scope)))
        else:
            d = _date(opts["date"])
            self.stdout.write(f"{d.isoformat()} {'上班' if workdays.is_workday(d, scope) else '放假'}")
