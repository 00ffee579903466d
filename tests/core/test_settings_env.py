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
    ({"ANWEI_DEBUG": "false"}, "ANWEI_SECRET_KEY"),
    ({"ANWEI_DEBUG": "true", "ANWEI_DATABASE_URL": "nosuchdb://x"}, "ANWEI_DATABASE_URL"),
])
def test_bad_value_stops_startup(overrides, name):
    result = _check(overrides)
    assert result.returncode == 2
    assert name in result.stderr


def test_production_settings_pass_check_deploy(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ANWEI_", "DJANGO_"))}
    env.update({"ANWEI_SECRET_KEY": "k" * 20 + "-Zq8!vP3#mL0@wR5^tY7&uI2*oE9(aS4)dF6", "ANWEI_ALLOWED_HOSTS": "anwei.example.gov.tw",
                "ANWEI_DATA_DIR": str(tmp_path)})
    result = subprocess.run([sys.executable, "-m", "anwei", "check", "--deploy", "--fail-level", "WARNING"], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
