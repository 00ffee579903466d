"""Seed the default travel rules (seed 000, 秘書單位工作報告 一) so every agency has them."""

from django.db import migrations

from anwei.travel import defaults


def seed(apps, schema_editor):
    TravelRule = apps.get_model("travel", "TravelRule")
    if TravelRule.objects.exists():
        return
    for kind, days, approval, declarations, note in defaults.DEFAULT_RULES:
        TravelRule.objects.create(kind=kind, working_days=days, starts_on=defaults.DEFAULT_START, approval=approval,
                                  declarations="\n".join(declarations), note=note, basis=defaults.BASIS)


class Migration(migrations.Migration):
    dependencies = [("travel", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
