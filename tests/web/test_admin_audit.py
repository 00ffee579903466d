"""Every edit made in the administration site leaves an audit row, inline rows included."""

import pytest
from django.urls import reverse

from anwei.core.audit import audit_verify
from anwei.core.models import AuditEntry
from anwei.orgs.models import Person, Unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(world, client):
    admin = world.officer
    admin.is_staff = admin.is_superuser = True
    admin.save()
    client.force_login(admin)
    return client


def _agency_form(agency, units: list[dict]) -> dict:
    data = {"name": agency.name, "short_name": agency.short_name, "kind": agency.kind, "parent": agency.parent_id or "",
            "code": "", "address": "", "phone": "", "fax": "",
            "units-TOTAL_FORMS": str(len(units)), "units-INITIAL_FORMS": str(sum(1 for u in units if u.get("id")))}
    for i, u in enumerate(units):
        data.update({f"units-{i}-{k}": v for k, v in u.items()})
        data[f"units-{i}-agency"] = agency.pk
    return data


def test_units_added_changed_and_deleted_inline_are_audited(world, admin_client):
    url = reverse("admin:orgs_agency_change", args=[world.county.pk])
    existing = world.other_unit
    r = admin_client.post(url, _agency_form(world.county, [
        {"id": existing.pk, "name": "政風室", "order": "0", "is_ethics": "on"},
        {"name": "行政處", "order": "1"}]))
    assert r.status_code == 302, r.content.decode()[:2000]
    added = Unit.objects.get(agency=world.county, name="行政處")
    assert AuditEntry.objects.filter(action="admin.add", object_type="orgs.unit", object_id=str(added.pk)).exists()
    change = AuditEntry.objects.get(action="admin.change", object_type="orgs.unit", object_id=str(existing.pk))
    assert change.before == {"name": "政風處"} and change.after == {"name": "政風室"}

    r = admin_client.post(url, _agency_form(world.county, [
        {"id": existing.pk, "name": "政風室", "order": "0", "is_ethics": "on"},
        {"id": added.pk, "name": "行政處", "order": "1", "DELETE": "on"}]))
    assert r.status_code == 302
    deleted = AuditEntry.objects.get(action="admin.delete", object_type="orgs.unit", object_id=str(added.pk))
    assert deleted.before["name"] == "行政處" and not Unit.objects.filter(pk=added.pk).exists()
    assert audit_verify().ok


def test_a_password_set_by_the_administrator_is_audited_without_the_hash(world, admin_client):
    url = reverse("admin:auth_user_password_change", args=[world.staff.pk])
    r = admin_client.post(url, {"password1": "new-horse-battery-staple-7", "password2": "new-horse-battery-staple-7",
                                "usable_password": "true"})
    assert r.status_code == 302, r.content.decode()[:2000]
    entry = AuditEntry.objects.get(action="admin.password_change", object_id=str(world.staff.pk))
    world.staff.refresh_from_db()
    assert world.staff.check_password("new-horse-battery-staple-7")
    assert world.staff.password not in str(entry.before) + str(entry.after)


def test_deleting_a_person_is_audited(world, admin_client):
    person = Person.objects.create_user(username="temp", password="x" * 12, full_name="測暫時", agency=world.bureau)
    r = admin_client.post(reverse("admin:orgs_person_delete", args=[person.pk]), {"post": "yes"})
    assert r.status_code == 302
    entry = AuditEntry.objects.get(action="admin.delete", object_type="orgs.person", object_id=str(person.pk))
    assert entry.before["full_name"] == "測暫時" and "password" not in entry.before
