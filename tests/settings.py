"""Test settings: the production settings module, fed a test environment."""

import os
import tempfile

os.environ.setdefault("ANWEI_SECRET_KEY", "test-secret-key-not-for-production-0123456789abcdef")
os.environ.setdefault("ANWEI_AUDIT_KEY", "test-audit-key-not-for-production-0123456789")
os.environ.setdefault("ANWEI_HTTPS", "false")
os.environ.setdefault("ANWEI_TASKS_IMMEDIATE", "true")
os.environ.setdefault("ANWEI_DATA_DIR", tempfile.mkdtemp(prefix="anwei-test-"))
os.environ.setdefault("ANWEI_ALLOWED_HOSTS", "localhost,127.0.0.1,testserver")

from anwei.settings import *  # noqa: E402,F401,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast logins in tests

STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
