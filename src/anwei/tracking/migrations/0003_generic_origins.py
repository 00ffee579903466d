"""Tracking knows none of its sources: a tracked item's meeting and ruling, and a round's meeting, become
generic references (tracking.sources). The rows keep what they pointed at."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


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
    ]
