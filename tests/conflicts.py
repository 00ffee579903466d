"""Helpers for tests in which two people edit the same record and the later save is a conflict
(anwei.core.formpages): a second ethics officer, the version a form carries, the conflict notice."""

from __future__ import annotations

import re


def second_officer(w):
    """Another ethics officer of the bureau, so that two people can edit the same record."""
    if "second_officer" not in w.extra:
        from anwei.orgs.models import Role
        from anwei.orgs.services import membership_grant, person_create
        from tests.world import PASSWORD

        p = person_create(actor=None, username="officer_b", password=PASSWORD, full_name="測政風乙",
                          agency=w.bureau, unit=w.units["政風室"], title="專員")
        membership_grant(actor=None, person=p, agency=w.bureau, role=Role.ETHICS_OFFICER)
        membership_grant(actor=None, person=p, agency=w.bureau, role=Role.STAFF)
        w.extra["second_officer"] = p
    return w.extra["second_officer"]


def form_version(html: str) -> int:
    """The version a rendered form carries (what the next save will expect)."""
    return int(re.search(r'<input[^>]*name="version"[^>]*value="(\d+)"', html).group(1))


def conflict_notice(html: str) -> str:
    """The conflict notice of a page, where the other person's saved values are listed."""
    return html.split('id="conflict"', 1)[1].split("</div>", 1)[0]


def stale_edit_check(client_of, case) -> None:
    """A form edited by two people: the later save is refused with 409, lists what the other person saved
    next to the kept form, and the save made after reading it is accepted. `case` is (url, the field both
    change, the rest of the form's data, a getter of the saved value, (first person, second person))."""
    url, field, base, saved, (a, b) = case
    first, second = client_of(a), client_of(b)
    opened = form_version(second.get(url).content.decode())
    r = first.post(url, {**base, "version": form_version(first.get(url).content.decode()),
                         field: "甲方先儲存的說明"})
    assert r.status_code == 302

    r = second.post(url, {**base, "version": opened, field: "乙方輸入的說明"})
    page = r.content.decode()
    assert r.status_code == 409
    assert "已被其他人修改" in conflict_notice(page) and "甲方先儲存的說明" in conflict_notice(page)
    assert "乙方輸入的說明" in page and saved() == "甲方先儲存的說明"

    r = second.post(url, {**base, "version": form_version(page), field: "乙方輸入的說明"})
    assert r.status_code == 302 and saved() == "乙方輸入的說明"
