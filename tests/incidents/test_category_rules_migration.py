"""Category rules now pass down the agency tree (a superior's row is its subtree's default). A database made by the
previous version, where each agency used its own rows and the nationwide ones, migrates with every agency's handling
of every category unchanged."""

import datetime as dt

import pytest

from tests.migrating import agency_tree, with_old

pytestmark = pytest.mark.django_db(transaction=True)  # migrations change the schema: no outer transaction

DAYS = [dt.date(2018, 1, 1), dt.date(2023, 6, 1), dt.date(2024, 1, 1), dt.date(2024, 6, 1), dt.date(2025, 6, 1)]


def _old_rows(apps) -> dict:
    Rule = apps.get_model("incidents", "CategoryRule")
    city, bureau, sibling = agency_tree(apps, "舊版測試市政府", "舊版測試局", "舊版測試處")
    Rule.objects.all().delete()  # only the rows written here
    Rule.objects.create(agency=None, category="protest", starts_on=dt.date(2017, 1, 1), restricted=False,
                        examples="全國預設")
    Rule.objects.create(agency=city, category="protest", starts_on=dt.date(2024, 1, 1), restricted=True,
                        superior_sees=False, examples="市府")
    Rule.objects.create(agency=bureau, category="protest", starts_on=dt.date(2023, 1, 1), restricted=False,
                        needs_level=True, levels="甲\n乙", examples="本局")
    Rule.objects.create(agency=None, category="protest", starts_on=dt.date(2025, 1, 1), restricted=False,
                        examples="全國新版")
    return {"city": city.pk, "bureau": bureau.pk, "sibling": sibling.pk}


def test_each_agency_keeps_the_category_rule_it_had():
    from anwei.incidents.selectors import category_rule_in_force
    from anwei.orgs.models import Agency

    pks = with_old("incidents", "0005_chain_rules_tree", _old_rows)
    city, bureau, sibling = (Agency.objects.get(pk=pks[k]) for k in ("city", "bureau", "sibling"))

    def had(agency, on):
        r = category_rule_in_force(agency=agency, category="protest", on=on)
        return (r.restricted, r.superior_sees, r.needs_level, r.level_list(), r.examples)

    assert had(city, dt.date(2024, 6, 1)) == (True, False, False, [], "市府")
    for on in DAYS[2:4]:  # the city's row of 2024 did not reach its agencies before
        assert had(bureau, on) == (False, True, True, ["甲", "乙"], "本局")
        assert had(sibling, on) == (False, True, False, [], "全國預設")
    assert had(bureau, dt.date(2023, 6, 1)) == (False, True, True, ["甲", "乙"], "本局")
    assert had(sibling, dt.date(2018, 1, 1))[-1] == "全國預設"
    # The nationwide row of 2025 is the latest: it applied to everyone, and still does.
    for agency in (city, bureau, sibling):
        assert had(agency, dt.date(2025, 6, 1))[-1] == "全國新版"
