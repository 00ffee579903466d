"""Notifications: everyone has their own notices, profile and feed; a notice, a deputy arrangement or a
feed token of someone else answers 404; the reminder rules are the agency's ethics officer's (the city's
ethics office's rows are its subtree's default; the head reads them)."""

import datetime as dt

from anwei.notifications.models import Notification
from anwei.notifications.services import calendar_token_renew
from anwei.orgs.services import deputy_appoint
from tests.permission_tables import Row

EVERYONE = {"*": 200}


def liaisons_notice(w):
    n = Notification.objects.create(person=w.liaison, key="test:1", day=dt.date(2024, 5, 2), stage="due",
                                    category="列管事項", title="測試", url="/tracking/mine/")
    return {"pk": n.pk}


def liaisons_deputy(w):
    from anwei.core import clock

    today = clock.today()
    row = deputy_appoint(actor=w.liaison, person=w.liaison, deputy=w.staff, starts_on=today,
                         ends_on=today + dt.timedelta(days=3), reason="休假")
    return {"pk": row.pk}


def liaisons_token(w):
    return {"token": calendar_token_renew(actor=w.liaison).token}


ROWS = [
    Row("notifications:list", expect=EVERYONE),
    Row("notifications:open", liaisons_notice, method="post", expect={"liaison": 302, "*": 404}),
    Row("notifications:read_all", method="post", expect={"*": 302}),
    # Read by the agency's ethics officer and head; a new row only by the ethics officer (tests/notifications/
    # test_rules_page: a POST by anyone else answers 404).
    Row("notifications:rules", query="on=113/2/19", expect={"officer": 200, "head": 200, "superior": 200,
                                                            "other_officer": 200, "*": 404}),
    Row("notifications:profile", expect=EVERYONE),
    Row("notifications:deputy_add", method="post", expect=EVERYONE),  # an empty form comes back with its errors
    Row("notifications:deputy_end", liaisons_deputy, method="post", expect={"liaison": 302, "*": 404}),
    Row("notifications:calendar_renew", method="post", expect={"*": 302}),
    Row("notifications:calendar_revoke", method="post", expect={"*": 302}),
    # No login for a calendar program: the token is the key, for anyone holding it (anonymous too).
    Row("notifications:feed", liaisons_token, expect={"anonymous": 200, "*": 200}),
]
