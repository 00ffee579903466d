import datetime as dt
import threading

import pytest
from django.db import connection, connections

from anwei.core.models import IssuedLetterNumber, LetterNumberPattern
from anwei.core.numbering import PatternError, letter_number_allocate, pattern_render
from anwei.orgs.services import agency_create


def test_pattern_renders_roc_year_and_serial():
    assert pattern_render("府政行字第{year:03}{serial:07}號", year=108, serial=251637) == "府政行字第1080251637號"
    with pytest.raises(PatternError):
        pattern_render("府政行字第{yr}號", year=108, serial=1)


@pytest.mark.django_db
def test_serials_increase_and_restart_each_roc_year():
    agency = agency_create(actor=None, name="文號測試府")
    pattern = LetterNumberPattern.objects.create(agency=agency, pattern="府政行字第{year:03}{serial:07}號")
    a = letter_number_allocate(pattern=pattern, on=dt.date(2019, 11, 12))
    b = letter_number_allocate(pattern=pattern, on=dt.date(2019, 11, 13))
    c = letter_number_allocate(pattern=pattern, on=dt.date(2020, 1, 2))
    assert (a, b, c) == ("府政行字第1080000001號", "府政行字第1080000002號", "府政行字第1090000001號")


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_allocation_never_repeats_a_number_on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("concurrency is exercised on PostgreSQL (.ci/run runs the suite there)")
    agency = agency_create(actor=None, name="併發測試府")
    pattern = LetterNumberPattern.objects.create(agency=agency, pattern="府政字第{year:03}{serial:07}號")
    results, errors = [], []
    barrier = threading.Barrier(8)

    def worker():
        try:
            barrier.wait()
            for _ in range(10):
                results.append(letter_number_allocate(pattern=pattern, on=dt.date(2026, 3, 1)))
        except Exception as exc:  # surfaced by the assertion below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(results) == 80 and len(set(results)) == 80
    assert IssuedLetterNumber.objects.filter(agency=agency).count() == 80
    assert max(results) == "府政字第1150000080號"
