"""The general visitor-record retention rule (one year), which an agency may override with its own row."""

import datetime as dt

from django.db import migrations


def seed(apps, schema_editor):
    VisitorRetention = apps.get_model("access", "VisitorRetention")
    if not VisitorRetention.objects.filter(agency__isnull=True).exists():
        VisitorRetention.objects.create(agency=None, starts_on=dt.date(2000, 1, 1), days=365,
                                        basis="個人資料保護法第11條：特定目的消失或期限屆滿時刪除；預設保存一年")


class Migration(migrations.Migration):
    dependencies = [("access", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
