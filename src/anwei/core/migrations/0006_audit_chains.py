from django.db import migrations, models


def _head_to_chain(apps, schema_editor):
    # The one chain written so far continues to verify as it was written: chain "".
    AuditHead = apps.get_model("core", "AuditHead")
    AuditChain = apps.get_model("core", "AuditChain")
    head = AuditHead.objects.filter(id=1).first()
    if head is not None:
        AuditChain.objects.create(chain="", last_digest=head.last_digest, count=head.count)


def _chain_to_head(apps, schema_editor):
    AuditHead = apps.get_model("core", "AuditHead")
    AuditChain = apps.get_model("core", "AuditChain")
    if AuditChain.objects.exclude(chain="").exists():
        raise RuntimeError("稽核紀錄已分鏈寫入，無法還原為單一雜湊鏈")
    legacy = AuditChain.objects.filter(chain="").first()
    if legacy is not None:
        AuditHead.objects.create(id=1, last_digest=legacy.last_digest, count=legacy.count)


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0005_data_version_scopes"),
    ]

    operations = [
        migrations.CreateModel(
            name="AuditChain",
            fields=[
                ("chain", models.CharField(max_length=20, primary_key=True, serialize=False)),
                ("last_digest", models.CharField(default="0000000000000000000000000000000000000000000000000000000000000000", max_length=64)),
                ("count", models.PositiveBigIntegerField(default=0)),
            ],
        ),
        migrations.AddField(
            model_name="auditentry",
            name="chain",
            field=models.CharField(default="", max_length=20, verbose_name="雜湊鏈"),
        ),
        migrations.AddIndex(
            model_name="auditentry",
            index=models.Index(fields=["chain", "id"], name="core_audite_chain_25e6b4_idx"),
        ),
        migrations.RunPython(_head_to_chain, _chain_to_head),
        migrations.DeleteModel(name="AuditHead"),
    ]
