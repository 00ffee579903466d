"""Drop the meeting-specific columns that 0004 carried over to generic references."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("tracking", "0004_generic_origins_data"),
    ]

    operations = [
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
