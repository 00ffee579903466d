"""The default categories and notification chains (incidents/defaults.py; README 〈狀況通報〉)."""

from django.db import migrations

from anwei.incidents import defaults


def seed(apps, schema_editor):
    CategoryRule = apps.get_model("incidents", "CategoryRule")
    ChainRule = apps.get_model("incidents", "ChainRule")
    if CategoryRule.objects.exists():
        return
    for category, _label, restricted, superior_sees, needs_level, examples, basis in defaults.CATEGORIES:
        CategoryRule.objects.create(category=category, starts_on=defaults.DEFAULT_START, restricted=restricted,
                                    superior_sees=superior_sees, needs_level=needs_level,
                                    levels="\n".join(defaults.INFOSEC_LEVELS) if needs_level else "",
                                    examples=examples, basis=basis)
    for category, party, kind, amount, note in defaults.CHAINS:
        ChainRule.objects.create(category=category, party=party, period_kind=kind, amount=amount,
                                 starts_on=defaults.DEFAULT_START, note=note)


class Migration(migrations.Migration):

    dependencies = [("incidents", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
