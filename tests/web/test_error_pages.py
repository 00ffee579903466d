"""Error pages speak Chinese, say what happened and lead back home; never Django's English pages."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from django.views.defaults import server_error

from tests.footage import factories as footage

pytestmark = pytest.mark.django_db


def _is_ours(response) -> str:
    page = response.content.decode()
    assert 'lang="zh-Hant-TW"' in page and f'href="{reverse("home")}"' in page
    assert "Not Found" not in page and "Server Error" not in page and "Forbidden" not in page
    return page


def test_a_page_that_does_not_exist(world, as_):
    response = as_(world.officer).get("/no/such/page/")
    assert response.status_code == 404
    assert "找不到這個頁面" in _is_ours(response)


def test_a_record_of_another_agency_looks_like_it_does_not_exist(world, as_):
    meeting_url = reverse("meetings:detail", args=[999999])
    response = as_(world.people["other_officer"]).get(meeting_url)
    assert response.status_code == 404 and "找不到" in _is_ours(response)


def test_a_forbidden_step_explains_itself(world, as_):
    req = footage.file(world)
    response = as_(world.staff).post(reverse("footage:request_decide", args=[req.pk]), {"action": "approve"})
    assert response.status_code in (403, 404)
    assert "安維" in _is_ours(response)


def test_an_expired_form_is_explained_in_chinese(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.officer)
    response = client.post(reverse("logout"))
    assert response.status_code == 403
    assert "表單已過期" in _is_ours(response)


def test_the_server_error_page_needs_nothing_that_could_have_failed(world):
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    page = response.content.decode()
    assert 'lang="zh-Hant-TW"' in page and "系統發生錯誤" in page and 'href="/"' in page
