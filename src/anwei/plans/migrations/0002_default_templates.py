from django.db import migrations


def seed(apps, schema_editor):
    from anwei.plans.defaults import templates_seed

    templates_seed(apps.get_model("plans", "PlanTemplate"))


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
