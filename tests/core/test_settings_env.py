"""Start-up with a bad environment stops with a message naming the variable."""

import os
import subprocess
import sys

import pytest


def _check(env_overrides):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ANWEI_", "DJANGO_"))}
    env.update(env_overrides)
    return subprocess.run([sys.executable, "-m", "anwei", "check"], env=env, capture_output=True, text=True,
                          timeout=120)


@pytest.mark.parametrize("overrides,name", [
    ({"ANWEI_DEBUG": "perhaps"}, "ANWEI_DEBUG"),
    ({"ANWEI_DEBUG": "true", "ANWEI_SESSION_IDLE_MINUTES": "abc"}, "ANWEI_SESSION_IDLE_MINUTES"),
    ({"ANWEI_DEBUG": "false", "ANWEI_DATA_DIR": "{tmp}"}, "ANWEI_SECRET_KEY"),  # a deployment's own data folder
    ({"ANWEI_DEBUG": "false", "ANWEI_DATA_DIR": "{tmp}", "ANWEI_SECRET_KEY": "s" * 50}, "ANWEI_AUDIT_KEY"),
    ({"ANWEI_DEBUG": "true", "ANWEI_DATABASE_URL": "nosuchdb://x"}, "ANWEI_DATABASE_URL"),
])
def test_bad_value_stops_startup(overrides, name, tmp_path):
    result = _check({k: v.replace("{tmp}", str(tmp_path)) for k, v in overrides.items()})
    assert result.returncode == 2
    assert name in result.stderr


def test_production_settings_pass_check_deploy(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ANWEI_", "DJANGO_"))}
    env.update({"ANWEI_SECRET_KEY": "k" * 20 + "-Zq8!vP3#mL0@wR5^tY7&uI2*oE9(aS4)dF6", "ANWEI_AUDIT_KEY": "a" * 40,
                "ANWEI_ALLOWED_HOSTS": "anwei.example.gov.tw",
                "ANWEI_DATA_DIR": str(tmp_path)})
    result = subprocess.run([sys.executable, "-m", "anwei", "check", "--deploy", "--fail-level", "WARNING"], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_a_fresh_checkout_runs_the_readme_commands_without_a_secret_in_the_environment():
    """Development (the source checkout's own var/): a key is made once, kept 0600, and reused."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ANWEI_", "DJANGO_"))}
    first = subprocess.run([sys.executable, "-m", "anwei", "check"], env=env, capture_output=True, text=True,
                           timeout=120)
    assert first.returncode == 0, first.stderr
    from anwei.settings import REPO_DIR

    key = REPO_DIR / "var" / "secret-key"
    assert key.stat().st_mode & 0o777 == 0o600
    again = subprocess.run([sys.executable, "-m", "anwei", "shell", "-c",
                            "from django.conf import settings; print(settings.SECRET_KEY)"],
                           env=env, capture_output=True, text=True, timeout=120)
    assert again.stdout.strip().splitlines()[-1] == key.read_text().strip()
