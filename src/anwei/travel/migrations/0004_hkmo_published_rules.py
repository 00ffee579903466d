"""The Hong Kong and Macau defaults get the numbers of the published rule (travel.defaults.HKMO_BASIS): 出境日3日前,
會見特定身分人員出境日1週前, 返回臺灣後1週內. Only the nationwide rows still equal to the placeholders 0003 seeded
change; a row an administrator has edited, and every agency's own row, keep what they say."""

from django.db import migrations


def hkmo_published(apps, schema_editor):
    from anwei.travel import defaults

    Rule = apps.get_model("travel", "TravelRule")
    real = {kind: (amount, approval, declarations, note) for kind, amount, approval, declarations, note
            in defaults.DEFAULT_RULES}
    for kind, amount, _approval, declarations, note in defaults.HKMO_PLACEHOLDERS:
        new_amount, _a, new_declarations, new_note = real[kind]
        rows = Rule.objects.filter(kind=kind, agency__isnull=True, working_days=amount, unit="workdays", note=note,
                                   starts_on=defaults.DEFAULT_START)
        for rule in rows:
            rule.working_days, rule.unit, rule.note = new_amount, defaults.unit_of(kind), new_note
            rule.basis = defaults.HKMO_BASIS
            if rule.declarations == "\n".join(declarations):
                rule.declarations = "\n".join(new_declarations)
            rule.save(update_fields=["working_days", "unit", "note", "basis", "declarations"])


class Migration(migrations.Migration):

    dependencies = [
        ("travel", "0003_rule_periods_conditions_hkmo"),
    ]

    operations = [
        migrations.RunPython(hkmo_published, migrations.RunPython.noop),
    ]
