"""A published rule of this shape: 澎湖縣政府暨所屬機關學校文書流程管理稽核作業要點 (107年10月8日), point 3:
「本要點適用於本府各單位暨所屬各機關學校；本縣各鄉市公所得自行訂定相關規定，作為文書流程管理之準據，
未訂定者得準用之。」 (https://law.penghu.gov.tw/GLRSNEWS/LawContentHistory.aspx?hid=518&id=GL000251).

The county's rule reaches its agencies; a township office may set its own, and one that has not uses the
county's. The working-day numbers below are invented (the point says who is bound, not these numbers)."""

import datetime as dt

import pytest

from anwei.notifications.models import ReminderRule
from anwei.notifications.rules import rule_in_force
from anwei.orgs.models import Agency
from anwei.orgs.services import agency_create

pytestmark = pytest.mark.django_db

ON = dt.date(2018, 10, 8)  # 107年10月8日


def test_the_countys_rule_binds_its_agencies_and_townships_may_set_their_own():
    county = agency_create(actor=None, name="澎湖縣政府", kind=Agency.Kind.COUNTY)
    police = agency_create(actor=None, name="澎湖縣政府警察局", parent=county, kind=Agency.Kind.BUREAU)
    magong = agency_create(actor=None, name="馬公市公所", parent=county, kind=Agency.Kind.TOWNSHIP)
    huxi = agency_create(actor=None, name="湖西鄉公所", parent=county, kind=Agency.Kind.TOWNSHIP)
    county_rule = ReminderRule.objects.create(agency=county, effective_from=ON, remind_before=3,
                                              escalate_unit_after=1, escalate_agency_after=6,
                                              note="澎湖縣政府暨所屬機關學校文書流程管理稽核作業要點")
    own = ReminderRule.objects.create(agency=magong, effective_from=dt.date(2019, 1, 2), remind_before=2,
                                      escalate_unit_after=2, escalate_agency_after=6, note="本所自訂")
    day = dt.date(2019, 3, 1)
    assert rule_in_force(police, "tracking.progress", day) == county_rule  # 所屬各機關: bound
    assert rule_in_force(huxi, "tracking.progress", day) == county_rule  # 未訂定者得準用之
    assert rule_in_force(magong, "tracking.progress", day) == own  # 得自行訂定
    assert rule_in_force(magong, "tracking.progress", dt.date(2018, 12, 1)) == county_rule  # before its own
