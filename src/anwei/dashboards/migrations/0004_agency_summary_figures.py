# The board's figures counted for a day (summary.figures_compute); rows are counted by the next refresh or the
# daily job, and read from their kept columns until then.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('dashboards', '0003_agency_summary_assessed'),
    ]

    operations = [
        migrations.AddField(
            model_name='agencysummary',
            name='counted_on',
            field=models.DateField(null=True, verbose_name='數字計算日'),
        ),
        migrations.AddField(
            model_name='agencysummary',
            name='figures',
            field=models.JSONField(default=dict, verbose_name='當日數字'),
        ),
    ]
