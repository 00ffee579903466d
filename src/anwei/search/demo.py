"""The demo's index: every demo record was indexed as it was written; rebuilt once more so that the demo
database also shows what `anwei search_rebuild` leaves."""

from anwei.search import index


def load(ctx) -> None:
    index.rebuild()
