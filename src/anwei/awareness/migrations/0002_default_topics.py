"""The topics every agency starts with (issue #17); an agency adds its own."""

from django.db import migrations

TOPICS = ["公務機密維護", "機關安全維護", "資通安全", "赴陸規定", "反詐騙", "其他"]


def add(apps, schema_editor):
    Topic = apps.get_model("awareness", "Topic")
    for n, name in enumerate(TOPICS, start=1):
        Topic.objects.get_or_create(agency=None, name=name, defaults={"order": n * 10 if name != "其他" else 999})


def remove(apps, schema_editor):
    apps.get_model("awareness", "Topic").objects.filter(agency=None, name__in=TOPICS).delete()


class Migration(migrations.Migration):
    dependencies = [("awareness", "0001_initial")]
    operations = [migrations.RunPython(add, remove)]
