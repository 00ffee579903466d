"""anwei synth: fill the database with a national-scale synthetic dataset (see anwei.perf.synth)."""

from django.core.management.base import BaseCommand, CommandError

from anwei.orgs.models import Agency
from anwei.perf.synth import PASSWORD, Size, synth_timed


class Command(BaseCommand):
    help = ("以種子產生全國規模的合成資料（預設 1,200 個機關、10 年），以批次寫入供效能量測使用。"
            "合成資料不是任何使用者的異動，因此不寫稽核紀錄。請只在空的或量測用的資料庫執行。"
            f"（Synthetic data for benchmarks: bulk inserts, no audit rows. Password of every person: {PASSWORD}）")

    def add_arguments(self, parser):
        parser.add_argument("--agencies", type=int, default=1200, help="機關數（預設 1200）")
        parser.add_argument("--years", type=int, default=10, help="年數（預設 10，至今年為止）")
        parser.add_argument("--seed", type=int, default=1, help="亂數種子（同一種子產生相同資料）")
        parser.add_argument("--end-year", type=int, default=None, help="最後一年（西元，預設今年）")
        parser.add_argument("--allow-existing", action="store_true", help="資料庫已有機關時仍然加入")

    def handle(self, *args, agencies, years, seed, end_year, allow_existing, **opts):
        if agencies < 1 or years < 1:
            raise CommandError("--agencies 與 --years 須為正整數")
        if Agency.objects.exists() and not allow_existing:
            raise CommandError("資料庫已有機關；合成資料請寫入空的資料庫（或加 --allow-existing）。")
        verbose = opts.get("verbosity", 1) > 1
        seconds, counts = synth_timed(Size(agencies=agencies, years=years, seed=seed, end_year=end_year),
                                      progress=(lambda s: self.stderr.write(s)) if verbose else (lambda s: None))
        width = max(len(k) for k in counts)
        for table, n in sorted(counts.items()):
            self.stdout.write(f"{table:<{width}}  {n:>10,}")
        total = sum(counts.values())
        self.stdout.write(f"{'合計 total':<{width}}  {total:>10,}")
        self.stdout.write(f"耗時 {seconds:.1f} 秒（{total / seconds:,.0f} 列/秒）")
