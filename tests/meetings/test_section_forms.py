"""The meeting page's closed sections (basic data and the 新增 forms) bring their form when opened:
loaded by htmx, or by the page itself with ?form= (no JavaScript), or shown open after an error."""

import datetime as dt

import pytest
from django.urls import reverse

from anwei.meetings import services as ms

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(world):
    return ms.meeting_create(actor=world.officer, agency=world.bureau, date=dt.date(2024, 4, 10))


def test_the_page_carries_no_closed_form_but_a_way_to_load_it(world, client, meeting):
    client.force_login(world.officer)
    page = client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    fragment = reverse("meetings:section_form", args=[meeting.pk, "ruling"])
    assert f'hx-get="{fragment}"' in page and 'href="?form=ruling#rulings"' in page
    assert f'action="{reverse("meetings:ruling_add", args=[meeting.pk])}"' not in page


def test_the_loaded_form_posts_where_the_inline_one_did(world, client, meeting):
    client.force_login(world.officer)
    body = client.get(reverse("meetings:section_form", args=[meeting.pk, "report"])).content.decode()
    assert f'action="{reverse("meetings:report_add", args=[meeting.pk])}"' in body
    assert 'enctype="multipart/form-data"' in body and 'name="csrfmiddlewaretoken"' in body
    assert client.get(reverse("meetings:section_form", args=[meeting.pk, "nonsense"])).status_code == 404


def test_without_javascript_the_link_opens_the_section_with_its_form(world, client, meeting):
    client.force_login(world.officer)
    page = client.get(reverse("meetings:detail", args=[meeting.pk]), {"form": "agenda"}).content.decode()
    assert f'action="{reverse("meetings:agenda_add", args=[meeting.pk])}"' in page
    assert 'name="new-title"' in page


def test_a_form_with_errors_is_shown_open_with_what_was_typed(world, client, meeting):
    client.force_login(world.officer)
    r = client.post(reverse("meetings:ruling_add", args=[meeting.pk]), {"rul-section": "previous", "rul-text": "",
                                                                        "rul-subject": "門禁"})
    page = r.content.decode()
    assert r.status_code == 400 and "id_rul-text_error" in page
    assert '<details open id="ruling-form"' in page and 'value="門禁"' in page
