"""Unused accounts are disabled (administrators excepted) and it shows in their history; each agency's
ethics officer owes a yearly review of its people and roles, recorded with its result."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from anwei.accounts import services
from anwei.accounts.models import AccountReview
from anwei.core.models import AuditEntry
from anwei.orgs.models import Person
from anwei.portal.obligations import obligations_for

pytestmark = pytest.mark.django_db


def test_accounts_unused_for_ninety_days_are_disabled(world, admin_user, settings):
    settings.ACCOUNT_IDLE_DAYS = 90
    long_ago = timezone.now() - dt.timedelta(days=91)
    Person.objects.filter(pk=world.staff.pk).update(last_login=long_ago)
    Person.objects.filter(pk=world.liaison.pk).update(last_login=None, date_joined=long_ago)  # never used
    Person.objects.filter(pk=world.officer.pk).update(last_login=timezone.now() - dt.timedelta(days=89))
    Person.objects.filter(pk=admin_user.pk).update(last_login=long_ago)
    disabled = {p.username for p in services.accounts_idle_disable()}
    assert {"staff", "liaison"} <= disabled and "officer" not in disabled and admin_user.username not in disabled
    assert not Person.objects.get(pk=world.staff.pk).is_active
    assert AuditEntry.objects.filter(action="auth.idle_disable", object_id=str(world.staff.pk)).exists()
    assert services.accounts_idle_disable() == []  # nothing left to do


def test_yearly_review_is_owed_recorded_and_then_not_owed(client, world, settings):
    settings.ANWEI_TODAY = "2026-12-10"
    titles = [o.title for o in obligations_for(world.officer)]
    assert any("帳號與角色年度檢視" in t for t in titles)
    client.force_login(world.officer)
    page = client.get(reverse("accounts:review")).content.decode()
    assert world.staff.username in page and "尚未有檢視紀錄" in page
    response = client.post(reverse("accounts:review"), {"note": "已停用離職人員帳號 1 個。"})
    assert response.status_code == 302
    review = AccountReview.objects.get(agency=world.bureau)
    assert review.reviewed_by_id == world.officer.pk and review.people >= 5
    assert not any("帳號與角色年度檢視" in o.title for o in obligations_for(world.officer))
    long = client.post(reverse("accounts:review"), {"note": "長" * 2001}).content.decode()
    assert "2000" in long or "2,000" in long


def test_the_review_table_is_paged_and_the_record_counts_everyone(client, world, monkeypatch):
    monkeypatch.setattr("anwei.accounts.views.REVIEW_PAGE", 2)
    client.force_login(world.officer)
    first = client.get(reverse("accounts:review")).content.decode()
    assert "第 1 頁" in first and "下一頁" in first
    client.post(reverse("accounts:review"), {"note": "已檢視。"})
    assert AccountReview.objects.get(agency=world.bureau).people > 2  # all of them, not the page shown
