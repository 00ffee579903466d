"""The incident list filters by category, year of discovery (ROC) and agency: the dashboards link here with those
filters, and the list counts what the figure counts."""

import datetime as dt

import pytest

from tests.incidents import factories as f

pytestmark = pytest.mark.django_db


def test_category_year_and_agency_filters(world, as_, settings):
    settings.ANWEI_TODAY = "2024-03-01"
    f.report(world, "security", title="去年的可疑包裹", discovered=f.at(dt.date(2023, 12, 31), 23, 30))
    f.report(world, "security", title="今年的可疑包裹")
    f.report(world, "protest", title="民眾陳情抗議")
    client = as_(world.officer)
    page = client.get(f"/incidents/?category=security&year=113&agency={world.bureau.pk}").content.decode()
    assert "今年的可疑包裹" in page and "去年的可疑包裹" not in page and "民眾陳情抗議" not in page
    assert "符合條件：1 件" in page
    page = client.get("/incidents/?year=112").content.decode()
    assert "去年的可疑包裹" in page and "今年的可疑包裹" not in page  # 23:30 local on 12/31 is still 112年
    page = client.get(f"/incidents/?agency={world.county.pk}").content.decode()
    assert "符合條件：0 件" in page
