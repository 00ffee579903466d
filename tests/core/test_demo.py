import pytest
from django.core.management import call_command

from anwei.core.audit import audit_verify
from anwei.orgs.models import Person


@pytest.mark.django_db
def test_demo_creates_one_login_per_role_and_is_idempotent_with_if_empty(capsys):
    call_command("demo")
    out = capsys.readouterr().out
    for username in ["officer", "liaison", "unithead", "head", "superior", "staff"]:
        assert username in out
        assert Person.objects.get(username=username).check_password("anwei-demo-2026")
    assert audit_verify().ok
    call_command("demo", "--if-empty")
    assert "略過" in capsys.readouterr().out
