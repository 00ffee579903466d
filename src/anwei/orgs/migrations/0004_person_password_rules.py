from django.db import migrations, models
from django.db.models.functions import Now


def start_the_clock(apps, schema_editor):
    # Existing passwords count their age from the upgrade, so nobody is stopped at the next sign-in.
    apps.get_model("orgs", "Person").objects.update(password_changed_at=Now())


class Migration(migrations.Migration):

    dependencies = [
        ('orgs', '0003_deputy'),
    ]

    operations = [
        migrations.AddField(
            model_name='person',
            name='must_change_password',
            field=models.BooleanField(default=False, verbose_name='下次登入須變更密碼'),
        ),
        migrations.AddField(
            model_name='person',
            name='password_changed_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='密碼變更時間'),
        ),
        migrations.RunPython(start_the_clock, migrations.RunPython.noop),
    ]
