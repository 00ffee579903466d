"""anwei retention --dry-run | --run: footage-request records whose retention has ended."""

from django.core.management.base import BaseCommand, CommandError

from anwei.footage.tasks import retention_run, retention_steps_run
from anwei.footage.documents import outcome_text


class Command(BaseCommand):
    help = "監視錄影調閱申請保存期限：--dry-run 列出已屆期限者；--run 銷毀其個人資料並登錄（保全中者不動）"

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--run", action="store_true", help="銷毀已屆期限者的個人資料並登錄銷毀紀錄")
        group.add_argument("--dry-run", action="store_true", help="只列出已屆期限者，不做任何變更")

    def handle(self, *args, run=False, dry_run=False, **opts):
        if not (run or dry_run):
            raise CommandError("請指定 --run 或 --dry-run")
        result = retention_run(dry_run=dry_run)
        for req in result.due:
            self.stdout.write(f"{req.agency.name} {req.number_label} {req.get_kind_display()} "
                              f"{outcome_text(req)} 應銷毀日 {req.retention_due_on.isoformat()}")
        if dry_run:
            self.stdout.write(f"已屆保存期限：{len(result.due)} 件（未變更任何資料）。")
        else:
            self.stdout.write(f"已銷毀：{len(result.destroyed)} 件，登記簿保留去識別化紀錄。")
        for label, n in retention_steps_run(dry_run=dry_run):
            self.stdout.write(f"{label}：{'已屆保存期限' if dry_run else '已銷毀'} {n} 筆。")
