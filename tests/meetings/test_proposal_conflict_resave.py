"""After a conflict, the person reads the other's text and saves again: that second save must go through."""

import datetime as dt
import re

from django.urls import reverse

from anwei.meetings import services as ms


def test_saving_again_after_a_conflict_succeeds(world, client):
    meeting = ms.meeting_create(actor=world.officer, agency=world.bureau, date=dt.date(2024, 4, 10))
    proposal = ms.proposal_add(actor=world.officer, meeting=meeting, subject="門禁管制規定案", unit=world.units["政風室"])
    stale = proposal.version
    ms.proposal_update(actor=world.officer, proposal=proposal, expected_version=stale, subject="門禁管制規定修正案",
                       unit=proposal.unit, explanation="", method="")
    client.force_login(world.officer)
    url = reverse("meetings:proposal_edit", args=[proposal.pk])
    typed = {"prop-version": stale, "prop-kind": "regular", "prop-unit": world.units["政風室"].pk,
             "prop-subject": "我的版本", "prop-explanation": "", "prop-method": ""}
    response = client.post(url, typed)
    assert response.status_code == 200
    body = response.content.decode()
    assert "門禁管制規定修正案" in body and "我的版本" in body  # the other's text, and what I typed
    rearmed = re.search(r'name="prop-version" value="(\d+)"', body).group(1)
    response = client.post(url, {**typed, "prop-version": rearmed})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.subject == "我的版本"
