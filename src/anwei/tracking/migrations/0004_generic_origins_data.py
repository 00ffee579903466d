"""Carry every item's meeting, ruling and source reference, and every round's meeting, over to the
generic references added by 0003 (0005 then drops the old columns; three migrations because PostgreSQL
refuses to alter a table in the transaction that has just updated its rows)."""


from django.db import migrations, models


def _content_type(apps, app_label: str, model: str):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label=app_label, model=model)[0]


def _to_generic(apps, schema_editor):
    TrackedItem = apps.get_model("tracking", "TrackedItem")
    ProgressRound = apps.get_model("tracking", "ProgressRound")
    SecurityMeeting = apps.get_model("meetings", "SecurityMeeting")
    if not (TrackedItem.objects.exists() or ProgressRound.objects.exists()):
        return
    meeting_ct, ruling_ct = _content_type(apps, "meetings", "securitymeeting"), _content_type(apps, "meetings", "ruling")
    dates = dict(SecurityMeeting.objects.values_list("pk", "date"))
    for item in TrackedItem.objects.exclude(source_meeting=None).only("pk", "source_meeting_id").iterator():
        TrackedItem.objects.filter(pk=item.pk).update(origin_type=meeting_ct, origin_id=item.source_meeting_id,
                                                      origin_date=dates[item.source_meeting_id])
    TrackedItem.objects.exclude(source_ruling=None).update(source_type=ruling_ct, source_id=models.F("source_ruling_id"))
    for ref in TrackedItem.objects.exclude(source_ref="").values_list("source_ref", flat=True).distinct():
        label, _, pk = ref.partition(":")  # "inspections.finding:12"
        app_label, _, model = label.partition(".")
        if pk.isdigit() and model:
            TrackedItem.objects.filter(source_ref=ref).update(source_type=_content_type(apps, app_label, model),
                                                              source_id=int(pk))
    for rnd in ProgressRound.objects.exclude(meeting=None).only("pk", "meeting_id").iterator():
        ProgressRound.objects.filter(pk=rnd.pk).update(target_type=meeting_ct, target_id=rnd.meeting_id,
                                                       target_date=dates[rnd.meeting_id])


def _from_generic(apps, schema_editor):
    TrackedItem = apps.get_model("tracking", "TrackedItem")
    ProgressRound = apps.get_model("tracking", "ProgressRound")
    ContentType = apps.get_model("contenttypes", "ContentType")
    types = {ct.pk: (ct.app_label, ct.model) for ct in ContentType.objects.all()}
    for item in TrackedItem.objects.exclude(origin_type=None).iterator():
        if types[item.origin_type_id] == ("meetings", "securitymeeting"):
            TrackedItem.objects.filter(pk=item.pk).update(source_meeting_id=item.origin_id)
    for item in TrackedItem.objects.exclude(source_type=None).iterator():
        app_label, model = types[item.source_type_id]
        if (app_label, model) == ("meetings", "ruling"):
            TrackedItem.objects.filter(pk=item.pk).update(source_ruling_id=item.source_id)
        else:
            TrackedItem.objects.filter(pk=item.pk).update(source_ref=f"{app_label}.{model}:{item.source_id}")
    for rnd in ProgressRound.objects.exclude(target_type=None).iterator():
        ProgressRound.objects.filter(pk=rnd.pk).update(meeting_id=rnd.target_id)



class Migration(migrations.Migration):

    dependencies = [
        ("tracking", "0003_generic_origins"),
    ]

    operations = [
        migrations.RunPython(_to_generic, _from_generic),
    ]
