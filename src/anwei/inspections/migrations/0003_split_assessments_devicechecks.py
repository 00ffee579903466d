"""The split of the inspections app: checklists and self-assessments went to the assessments app, devices
and their daily checks to the devicechecks app, each model with its table (db_table), so no row moves.

State only: the inspection models that point at checklists now point at the assessments app's, and the
moved models leave this app's state (assessments 0001 and devicechecks 0001 took them in). Then what
names a moved model by its app follows it: the content types, so that permissions and admin history stay
with the model, and background document jobs that name the device month form's builder.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MOVED = {
    "assessments": ["checklisttemplate", "checklistitem", "assessmentround", "selfassessment", "answer"],
    "devicechecks": ["devicesystem", "dailycheck", "repairrecord"],
}
BUILDERS = [("anwei.inspections.documents.device_month", "anwei.devicechecks.documents.device_month")]


def _grants_move(through, column: str, old_id: int, new_id: int) -> None:
    """Give the holders (groups or users) of permission `old_id` permission `new_id` instead."""
    for row in through.objects.filter(permission_id=old_id):
        if through.objects.filter(**{column: getattr(row, column)}, permission_id=new_id).exists():
            row.delete()
        else:
            through.objects.filter(pk=row.pk).update(permission_id=new_id)


def _content_type_move(apps, model: str, old_app: str, new_app: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    old = ContentType.objects.filter(app_label=old_app, model=model).first()
    if old is None:
        return  # never created (a database that has not run post_migrate yet): made afresh for new_app
    new = ContentType.objects.filter(app_label=new_app, model=model).first()
    if new is None:
        ContentType.objects.filter(pk=old.pk).update(app_label=new_app)
        return
    # Both exist (post_migrate already made one under the new label): the old one is stale. Its admin
    # history and its permissions' grants go to the new one, then it goes.
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    User = apps.get_model(settings.AUTH_USER_MODEL)
    apps.get_model("admin", "LogEntry").objects.filter(content_type_id=old.pk).update(content_type_id=new.pk)
    for perm in Permission.objects.filter(content_type_id=old.pk):
        twin = Permission.objects.filter(content_type_id=new.pk, codename=perm.codename).first()
        if twin is None:
            Permission.objects.filter(pk=perm.pk).update(content_type_id=new.pk)
            continue
        _grants_move(Group.permissions.through, "group_id", perm.pk, twin.pk)
        _grants_move(User.user_permissions.through, f"{User._meta.model_name}_id", perm.pk, twin.pk)
        perm.delete()
    old.delete()


def forwards(apps, schema_editor):
    for app, names in MOVED.items():
        for model in names:
            _content_type_move(apps, model, "inspections", app)
    RenderJob = apps.get_model("documents", "RenderJob")
    for old, new in BUILDERS:
        RenderJob.objects.filter(builder=old).update(builder=new)


def backwards(apps, schema_editor):
    for app, names in MOVED.items():
        for model in names:
            _content_type_move(apps, model, app, "inspections")
    RenderJob = apps.get_model("documents", "RenderJob")
    for old, new in BUILDERS:
        RenderJob.objects.filter(builder=new).update(builder=old)


class Migration(migrations.Migration):

    dependencies = [
        ("inspections", "0002_finding_dailycheck_version"),
        ("assessments", "0001_initial"),
        ("devicechecks", "0001_initial"),
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("documents", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="inspection",
                    name="template",
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL,
                                            related_name="inspections", to="assessments.checklisttemplate",
                                            verbose_name="使用檢查表"),
                ),
                migrations.AlterField(
                    model_name="inspectioncheck",
                    name="item",
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+",
                                            to="assessments.checklistitem"),
                ),
                # Dependents before what they point at.
                migrations.DeleteModel(name="Answer"),
                migrations.DeleteModel(name="SelfAssessment"),
                migrations.DeleteModel(name="AssessmentRound"),
                migrations.DeleteModel(name="ChecklistItem"),
                migrations.DeleteModel(name="ChecklistTemplate"),
                migrations.DeleteModel(name="RepairRecord"),
                migrations.DeleteModel(name="DailyCheck"),
                migrations.DeleteModel(name="DeviceSystem"),
            ],
            database_operations=[],  # the tables stay; the assessments and devicechecks models use them
        ),
        migrations.RunPython(forwards, backwards),
    ]
