"""A database made before the split (checklists, rounds and device checks in the inspections app) migrates
forward with every row, and what names a moved model by its app follows it: content types (so permissions
and admin history stay with the model; a stale duplicate is merged), background document jobs' builders."""

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)  # migrations change the schema state: no outer transaction

BEFORE = ("inspections", "0002_finding_dailycheck_version")
# The rest of the schema as it stood then (later migrations of other apps add columns the
# historical models below do not know).
THEN = [BEFORE, ("orgs", "0001_initial")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    ContentType.objects.clear_cache()


def _latest():
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def _before_split_rows(apps) -> dict:
    """Rows written with the models as they were before the split."""
    get = apps.get_model
    agency = get("orgs", "Agency").objects.create(name="測試局", path="000001.")
    unit = get("orgs", "Unit").objects.create(agency=agency, name="秘書室")
    template = get("inspections", "ChecklistTemplate").objects.create(agency=agency, name="機關安全維護自評表",
                                                                      kind="security")
    item = get("inspections", "ChecklistItem").objects.create(template=template, key=1, text="門窗已上鎖。")
    rnd = get("inspections", "AssessmentRound").objects.create(agency=agency, title="春節期間自評",
                                                               deadline=dt.date(2026, 2, 1))
    rnd.templates.add(template)
    form = get("inspections", "SelfAssessment").objects.create(round=rnd, agency=agency, unit=unit,
                                                               status="submitted")
    get("inspections", "Answer").objects.create(assessment=form, item=item, template_name=template.name,
                                                item_text=item.text, item_version=1, answer_kind="verdict",
                                                verdict="nonconform", corrective_action="加裝門鎖")
    inspection = get("inspections", "Inspection").objects.create(
        agency=agency, title="春節前安全檢查", kind="security", date=dt.date(2026, 1, 20), inspectors="政風室",
        template=template)
    get("inspections", "InspectionCheck").objects.create(inspection=inspection, unit=unit, item=item,
                                                         item_text=item.text, item_version=1, verdict="conform")
    system = get("inspections", "DeviceSystem").objects.create(agency=agency, unit=unit, name="門禁系統",
                                                               kind="door_access")
    check = get("inspections", "DailyCheck").objects.create(system=system, date=dt.date(2026, 1, 19), working=False,
                                                            problem="讀卡機無法感應")
    get("inspections", "RepairRecord").objects.create(system=system, opened_by_check=check, opened_on=check.date,
                                                      problem=check.problem)
    return {"template": template.pk, "item": item.pk, "round": rnd.pk, "form": form.pk, "inspection": inspection.pk,
            "system": system.pk, "check": check.pk}


def test_rows_written_before_the_split_are_read_through_the_new_models():
    from anwei.assessments.models import Answer, AssessmentRound, ChecklistTemplate, SelfAssessment
    from anwei.devicechecks.models import DailyCheck, DeviceSystem, RepairRecord
    from anwei.inspections.models import Inspection

    _migrate([*THEN, ("assessments", None), ("devicechecks", None)])
    try:
        old = MigrationExecutor(connection).loader.project_state(THEN).apps
        pks = _before_split_rows(old)
    finally:
        _latest()

    template = ChecklistTemplate.objects.get(pk=pks["template"])
    assert template.name == "機關安全維護自評表" and template.items.get().pk == pks["item"]
    rnd = AssessmentRound.objects.get(pk=pks["round"])
    assert list(rnd.templates.all()) == [template]
    form = SelfAssessment.objects.get(pk=pks["form"])
    assert form.round == rnd and form.unit.name == "秘書室" and form.status == SelfAssessment.Status.SUBMITTED
    answer = Answer.objects.get(assessment=form)
    assert answer.item_id == pks["item"] and answer.corrective_action == "加裝門鎖"
    # The inspection's foreign keys now point at the assessments app's checklist.
    inspection = Inspection.objects.get(pk=pks["inspection"])
    assert inspection.template == template and inspection.checks.get().item.text == "門窗已上鎖。"
    system = DeviceSystem.objects.get(pk=pks["system"])
    check = DailyCheck.objects.get(pk=pks["check"])
    assert check.system == system and check.mark == "×"
    assert RepairRecord.objects.get(system=system).opened_by_check == check
    # New rows go into the same tables, after the old ones.
    assert DeviceSystem.objects.create(agency=system.agency, unit=system.unit, name="監視系統", kind="cctv").pk > system.pk


def test_content_types_permissions_and_admin_history_follow_the_moved_models():
    from django.contrib.admin.models import LogEntry
    from django.contrib.auth.models import Group, Permission

    from anwei.devicechecks.models import DeviceSystem
    from anwei.documents.models import RenderJob
    from anwei.orgs.models import Person  # (read back with today's model once migrated)

    moved = ContentType.objects.get(app_label="assessments", model="checklisttemplate")
    _migrate([*THEN, ("assessments", None), ("devicechecks", None)])
    try:
        # Before the split the models' content types are the inspections app's (the same rows, relabelled).
        assert ContentType.objects.get(pk=moved.pk).app_label == "inspections"
        editors = Group.objects.create(name="檢查表管理")
        editors.permissions.add(Permission.objects.get(content_type=moved, codename="change_checklisttemplate"))
        # (a person as orgs' schema stood then: the current model has columns added since)
        then = MigrationExecutor(connection).loader.project_state(("orgs", "0001_initial")).apps
        person = then.get_model("orgs", "Person").objects.create(username="history")
        LogEntry.objects.create(user_id=person.pk, content_type=moved, object_id="1", object_repr="機關安全維護自評表",
                                action_flag=2)
        # A stale duplicate: the device model's content type exists under both labels.
        old_device = ContentType.objects.get(app_label="inspections", model="devicesystem")
        new_device = ContentType.objects.create(app_label="devicechecks", model="devicesystem")
        twin = Permission.objects.create(content_type=new_device, codename="view_devicesystem", name="Can view")
        editors.permissions.add(Permission.objects.get(content_type=old_device, codename="view_devicesystem"))
        person.user_permissions.add(Permission.objects.get(content_type=old_device, codename="change_devicesystem").pk)
        LogEntry.objects.create(user_id=person.pk, content_type=old_device, object_id="1", object_repr="門禁系統",
                                action_flag=2)
        job = RenderJob.objects.create(requester_id=person.pk, builder="anwei.inspections.documents.device_month",
                                       kwargs={}, fmt="pdf", filename="每日檢查表")
    finally:
        _latest()

    assert ContentType.objects.get(pk=moved.pk).app_label == "assessments"
    assert editors.permissions.filter(content_type=moved, codename="change_checklisttemplate").exists()
    assert LogEntry.objects.get(object_repr="機關安全維護自評表").content_type_id == moved.pk
    assert not ContentType.objects.filter(pk=old_device.pk).exists()
    assert ContentType.objects.get_for_model(DeviceSystem) == new_device
    assert set(editors.permissions.filter(content_type=new_device).values_list("pk", flat=True)) == {twin.pk}
    assert person.user_permissions.get().content_type_id == new_device.pk
    assert LogEntry.objects.get(object_repr="門禁系統").content_type_id == new_device.pk
    assert not ContentType.objects.filter(app_label="inspections", model__in=[
        "checklisttemplate", "checklistitem", "assessmentround", "selfassessment", "answer",
        "devicesystem", "dailycheck", "repairrecord"]).exists()
    job.refresh_from_db()
    assert job.builder == "anwei.devicechecks.documents.device_month"  # (documents 0002 names it later)
