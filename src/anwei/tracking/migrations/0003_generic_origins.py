"""Tracking knows none of its sources: a tracked item's meeting and ruling, and a round's meeting, become
generic references (tracking.sources). The rows keep what they pointed at."""

import django.db.models.deletion
from django.conf import settings
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
        ('contenttypes', '0002_remove_content_type_name'),
        ('meetings', '0003_agendaitem_ruling_version'),
        ('orgs', '0002_agency_postal_code_code_format'),
        ('tracking', '0002_tracked_item_in_packet'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='progressround',
            name='target_date',
            field=models.DateField(blank=True, null=True, verbose_name='會議日期'),
        ),
        migrations.AddField(
            model_name='progressround',
            name='target_id',
            field=models.PositiveBigIntegerField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='progressround',
            name='target_type',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contenttypes.contenttype'),
        ),
        migrations.AddField(
            model_name='trackeditem',
            name='origin_date',
            field=models.DateField(blank=True, null=True, verbose_name='來源日期'),
        ),
        migrations.AddField(
            model_name='trackeditem',
            name='origin_id',
            field=models.PositiveBigIntegerField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='trackeditem',
            name='origin_type',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contenttypes.contenttype'),
        ),
        migrations.AddField(
            model_name='trackeditem',
            name='source_id',
            field=models.PositiveBigIntegerField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='trackeditem',
            name='source_type',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contenttypes.contenttype'),
        ),
        migrations.AddIndex(
            model_name='trackeditem',
            index=models.Index(fields=['agency', 'origin_type', 'origin_id', 'number'], name='tracking_tr_agency__38019d_idx'),
        ),
        migrations.AddIndex(
            model_name='trackeditem',
            index=models.Index(fields=['source_type', 'source_id'], name='tracking_tr_source__cb5316_idx'),
        ),
        migrations.AddConstraint(
            model_name='progressround',
            constraint=models.UniqueConstraint(fields=('target_type', 'target_id'), name='uniq_round_per_target'),
        ),
        migrations.RunPython(_to_generic, _from_generic),
        migrations.RemoveIndex(
            model_name='trackeditem',
            name='tracking_tr_agency__b929e1_idx',
        ),
        migrations.RemoveField(
            model_name='progressround',
            name='meeting',
        ),
        migrations.RemoveField(
            model_name='trackeditem',
            name='source_meeting',
        ),
        migrations.RemoveField(
            model_name='trackeditem',
            name='source_ref',
        ),
        migrations.RemoveField(
            model_name='trackeditem',
            name='source_ruling',
        ),
    ]
