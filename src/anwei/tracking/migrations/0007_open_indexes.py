# The partial indexes that let the reminder pass read only open rounds and open items.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('tracking', '0006_decision_outside_rounds'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='progressround',
            index=models.Index(condition=models.Q(('closed_at__isnull', True)), fields=['deadline'], name='tracking_round_open'),
        ),
        migrations.AddIndex(
            model_name='trackeditem',
            index=models.Index(condition=models.Q(('status__in', ['tracking', 'release_proposed'])), fields=['due_date'], name='tracking_item_open_due'),
        ),
    ]
