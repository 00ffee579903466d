"""Document builders are asked for by registered name, no longer imported by dotted path: queued and
finished render jobs carry the new names (a job of an unknown builder fails with a message, as before)."""

from django.db import migrations

NAMES = {
    'anwei.devicechecks.documents.device_month': 'devicechecks.month',
    'anwei.documents.specimen.broken': 'specimen.broken',
    'anwei.documents.specimen.heavy_text': 'specimen.heavy_text',
    'anwei.documents.specimen.long_table': 'specimen.long_table',
    'anwei.documents.specimen.packet': 'specimen.packet',
    'anwei.documents.specimen.register': 'specimen.register',
    'anwei.documents.specimen.short': 'specimen.short',
    'anwei.footage.documents.destruction_list': 'footage.destruction_list',
    'anwei.footage.documents.register': 'footage.register',
    'anwei.footage.documents.request_form': 'footage.request_form',
    'anwei.inspections.documents.device_month': 'devicechecks.month',
    'anwei.inspections.documents.inspection_report': 'inspections.report',
    'anwei.meetings.documents.minutes_build': 'meetings.minutes',
    'anwei.meetings.documents.packet_build': 'meetings.packet',
    'anwei.plans.documents.duty_table_document': 'plans.duties',
    'anwei.plans.documents.letter_document': 'plans.letter',
    'anwei.plans.documents.plan_document': 'plans.plan',
    'anwei.tracking.documents.register_build': 'tracking.register',
    'anwei.travel.documents.application_document': 'travel.application',
    'anwei.travel.documents.return_report_document': 'travel.return_report',
}


def _rename(apps, schema_editor, names):
    RenderJob = apps.get_model("documents", "RenderJob")
    for old, new in names.items():
        RenderJob.objects.filter(builder=old).update(builder=new)


class Migration(migrations.Migration):

    dependencies = [
        ("documents", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(lambda apps, se: _rename(apps, se, NAMES),
                             lambda apps, se: _rename(apps, se, {new: old for old, new in NAMES.items()
                                                                 if not old.startswith("anwei.inspections.")})),
    ]
