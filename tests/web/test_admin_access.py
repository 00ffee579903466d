from django.urls import reverse


def test_admin_is_for_staff_only(world, client):
    client.force_login(world.officer)
    assert client.get(reverse("admin:index")).status_code == 302
    world.officer.is_staff = world.officer.is_superuser = True
    world.officer.save()
    response = client.get(reverse("admin:orgs_agency_changelist"))
    assert response.status_code == 200


def test_admin_edit_writes_audit_and_moves_subtree(world, client):
    from anwei.core.models import AuditEntry

    admin = world.officer
    admin.is_staff = admin.is_superuser = True
    admin.save()
    client.force_login(admin)
    url = reverse("admin:orgs_agency_change", args=[world.bureau.pk])
    response = client.post(url, {"name": world.bureau.name, "short_name": "本局", "kind": "bureau",
                                 "parent": world.county.pk, "code": "", "address": "", "phone": "", "fax": "",
                                 "units-TOTAL_FORMS": "0", "units-INITIAL_FORMS": "0"})
    assert response.status_code == 302, response.content.decode()[:2000]
    world.bureau.refresh_from_db()
    assert world.bureau.path.startswith(world.county.path)
    assert AuditEntry.objects.filter(action="agency.move", object_id=str(world.bureau.pk)).exists()
