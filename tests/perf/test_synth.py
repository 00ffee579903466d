"""anwei synth: rows in every table it claims, correct agency paths, the same data for the same seed."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from anwei.meetings.models import SecurityMeeting
from anwei.orgs.models import Agency, Membership, Person, Role
from anwei.perf.synth import MODELS, Size, synth
from anwei.tracking.models import ProgressReport, TrackedItem

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 22)


class _Rollback(Exception):
    pass


def _fingerprint() -> list:
    return [
        list(Agency.objects.order_by("pk").values_list("pk", "name", "kind", "parent_id", "path")),
        list(Person.objects.order_by("pk").values_list("username", "full_name", "title")),
        list(TrackedItem.objects.order_by("pk").values_list("agency_id", "origin_label", "number", "text", "status")),
        list(ProgressReport.objects.order_by("pk").values_list("item_id", "unit_id", "status", "text")),
    ]


def test_every_table_gets_rows_and_paths_are_the_tree():
    counts = synth(Size(agencies=4, years=2, seed=3), today=TODAY)
    for model in MODELS:
        table = model._meta.db_table
        assert counts.get(table, 0) > 0, table
        assert model.objects.count() == counts[table], table
    for a in Agency.objects.select_related("parent"):
        assert a.path == (a.parent.path if a.parent else "") + f"{a.pk:06d}."
    county = Agency.objects.get(kind=Agency.Kind.COUNTY)
    assert Agency.objects.filter(path__startswith=county.path).count() == 4
    # per agency per year: 2 meetings and 40 tracked directives (plus inspection deficiencies)
    assert SecurityMeeting.objects.count() == 4 * 2 * 2
    assert TrackedItem.objects.filter(source_kind=TrackedItem.Source.MEETING_DIRECTIVE).count() == 4 * 2 * 40
    assert Membership.objects.filter(agency=county, role=Role.SUPERIOR_OFFICER).exists()


def test_same_seed_same_data_other_seed_other_data():
    prints = []
    for seed in (5, 5, 6):
        try:
            with transaction.atomic():
                synth(Size(agencies=3, years=1, seed=seed), today=TODAY)
                prints.append(_fingerprint())
                raise _Rollback
        except _Rollback:
            pass
    assert prints[0] == prints[1]
    assert prints[0] != prints[2]


def test_command_prints_counts_and_time_and_refuses_a_database_in_use():
    # The benchmark app is not installed in production (nor here): `anwei synth` loads it.
    from anwei.perf.management.commands.synth import Command

    out = StringIO()
    call_command(Command(), agencies=2, years=1, stdout=out)
    text = out.getvalue()
    assert "tracking_trackeditem" in text and "合計" in text and "耗時" in text
    with pytest.raises(Exception, match="已有機關"):
        call_command(Command(), agencies=2, years=1, stdout=StringIO())
