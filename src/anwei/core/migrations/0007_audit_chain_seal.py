# The chain ends are sealed with HMAC under the audit key (core.audit.chain_seal); the ends that exist
# are sealed as they stand (verify_audit checked the rows before; run it before upgrading).

import hashlib
import hmac

from django.conf import settings
from django.db import migrations, models


def seal_existing(apps, schema_editor):
    AuditChain = apps.get_model("core", "AuditChain")
    key = settings.AUDIT_KEY.encode("utf-8")
    for head in AuditChain.objects.all():
        message = f"{head.chain}|{head.count}|{head.last_digest}".encode("utf-8")
        head.seal = hmac.new(key, message, hashlib.sha256).hexdigest()
        head.save(update_fields=["seal"])


class Migration(migrations.Migration):

    dependencies = [("core", "0006_audit_chains")]

    operations = [
        migrations.AddField(model_name="auditchain", name="seal",
                            field=models.CharField(blank=True, default="", max_length=64)),
        migrations.RunPython(seal_existing, migrations.RunPython.noop),
    ]
