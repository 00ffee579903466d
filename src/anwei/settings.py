"""One settings file; every deployment knob is an environment variable parsed strictly.

ANWEI_DATABASE_URL   sqlite:///path or postgres://user:pass@host:port/name (default: SQLite under var/)
ANWEI_SECRET_KEY     required in production; in a source checkout with the default data folder (development,
                     `make run`) one is made once into var/secret-key (0600)
ANWEI_AUDIT_KEY      the key sealing the audit chains; required in production, made once into var/audit-key
                     in development like the secret key
ANWEI_AUDIT_ANCHOR_FILE  where the chain ends are appended (default DATA_DIR/audit-anchors.jsonl)
ANWEI_SIGNIN_ADDRESS_LIMIT  failed sign-ins from one address within 15 minutes before it must wait (default 20)
ANWEI_DEBUG          true/false (default false)
ANWEI_ALLOWED_HOSTS  comma-separated host names (default: localhost,127.0.0.1)
ANWEI_DATA_DIR       where the SQLite file and uploads live (default: <repo>/var)
ANWEI_SESSION_IDLE_MINUTES  idle logout (default 30)
ANWEI_HTTPS          true behind TLS: secure cookies, HSTS, SSL redirect (default: not DEBUG)
ANWEI_CSRF_TRUSTED_ORIGINS  comma-separated origins, e.g. https://anwei.example.gov.tw
ANWEI_TASKS_IMMEDIATE true runs background tasks inline (tests, single-process demo)
ANWEI_PAGE_CACHE     false renders every page afresh (default true; see core.pagecache)
ANWEI_SITE_URL       the address people open, for links in e-mails and calendar feeds (default http://127.0.0.1:8000)
ANWEI_EMAIL_HOST     the agency's SMTP relay; empty: mail is written to files under DATA_DIR/mail
ANWEI_EMAIL_PORT, ANWEI_EMAIL_USER, ANWEI_EMAIL_PASSWORD, ANWEI_EMAIL_SECURITY (none/starttls/tls),
ANWEI_EMAIL_FROM, ANWEI_EMAIL_TIMEOUT  the relay's details
ANWEI_SCHEDULE_REMINDERS, ANWEI_SCHEDULE_DIGEST, ANWEI_SCHEDULE_RETENTION, ANWEI_SCHEDULE_MAIL,
                     ANWEI_SCHEDULE_DASHBOARDS
                     when `anwei scheduler` enqueues each job (cron expressions, Asia/Taipei)
ANWEI_TODAY          (training and tests only, with ANWEI_DEBUG) the application's date, e.g. 2024-02-05
"""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path

import dj_database_url

from anwei.lib.env import EnvError, env_bool, env_int, env_list, env_str, secret_file

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent.parent

try:
    DEBUG = env_bool("ANWEI_DEBUG", False)
    DATA_DIR = Path(env_str("ANWEI_DATA_DIR", str(REPO_DIR / "var")))
    # Development: running from a source checkout with its own data folder (make run, the README's
    # commands). A deployment installs the package and names its data folder, and must give its secrets.
    DEVELOPMENT = (REPO_DIR / "pyproject.toml").is_file() and DATA_DIR.resolve() == (REPO_DIR / "var").resolve()
    SECRET_KEY = ((env_str("ANWEI_SECRET_KEY", "") or secret_file(DATA_DIR / "secret-key")) if DEVELOPMENT
                  else env_str("ANWEI_SECRET_KEY"))
    # The key that seals the audit chains (core.audit); kept outside the database, like SECRET_KEY.
    AUDIT_KEY = ((env_str("ANWEI_AUDIT_KEY", "") or secret_file(DATA_DIR / "audit-key")) if DEVELOPMENT
                 else env_str("ANWEI_AUDIT_KEY"))
    # Where the chain ends are written for verify_audit to check against (append-only; see README).
    AUDIT_ANCHOR_FILE = Path(env_str("ANWEI_AUDIT_ANCHOR_FILE", str(DATA_DIR / "audit-anchors.jsonl")))
    ALLOWED_HOSTS = env_list("ANWEI_ALLOWED_HOSTS", ["localhost", "127.0.0.1"])
    CSRF_TRUSTED_ORIGINS = env_list("ANWEI_CSRF_TRUSTED_ORIGINS", [])
    SESSION_IDLE_MINUTES = env_int("ANWEI_SESSION_IDLE_MINUTES", 30, minimum=1, maximum=24 * 60)
    HTTPS = env_bool("ANWEI_HTTPS", not DEBUG)
    TASKS_IMMEDIATE = env_bool("ANWEI_TASKS_IMMEDIATE", False)
    PAGE_CACHE = env_bool("ANWEI_PAGE_CACHE", True)
    # Several application servers may share one Memcached (memcached://host:port[,host:port]); without it
    # each worker keeps its own in memory, which is also correct (entries are keyed by data versions).
    CACHE_URL = env_str("ANWEI_CACHE_URL", "")
    if CACHE_URL and not CACHE_URL.startswith("memcached://"):
        raise EnvError(f"環境變數 ANWEI_CACHE_URL 的值「{CACHE_URL}」應為 memcached://主機:埠（ANWEI_CACHE_URL must be memcached://host:port）")
    # Failed sign-ins from one network address within AXES_COOLOFF_TIME (over any accounts) before that
    # address must wait: slows password spraying; high enough for an office behind one NAT address.
    # Account rules (資通系統防護基準): passwords older than this must change (0: never); unused accounts
    # are disabled after this many days; a new password may not be one of the last PASSWORD_HISTORY.
    PASSWORD_MAX_AGE_DAYS = env_int("ANWEI_PASSWORD_MAX_AGE_DAYS", 180, minimum=0, maximum=3650)
    ACCOUNT_IDLE_DAYS = env_int("ANWEI_ACCOUNT_IDLE_DAYS", 90, minimum=1, maximum=3650)
    # Administrators sign in with a second factor (an authenticator app); agencies may require it of
    # their ethics officers and heads (Agency.require_second_factor).
    SECOND_FACTOR_FOR_ADMINS = env_bool("ANWEI_SECOND_FACTOR_FOR_ADMINS", True)
    PASSWORD_HISTORY = env_int("ANWEI_PASSWORD_HISTORY", 3, minimum=1, maximum=24)
    # Signs of attack that alert the administrators (notifications.alerts): failed sign-ins over the whole
    # site within 10 minutes, and one person's 404s on record addresses within 10 minutes.
    ALERT_SIGNIN_FAILURES = env_int("ANWEI_ALERT_SIGNIN_FAILURES", 30, minimum=1, maximum=100_000)
    ALERT_PROBE_404 = env_int("ANWEI_ALERT_PROBE_404", 20, minimum=1, maximum=10_000)
    SIGNIN_ADDRESS_LIMIT = env_int("ANWEI_SIGNIN_ADDRESS_LIMIT", 20, minimum=1, maximum=10_000)
    SITE_URL = env_str("ANWEI_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
    EMAIL_HOST = env_str("ANWEI_EMAIL_HOST", "-")
    EMAIL_PORT = env_int("ANWEI_EMAIL_PORT", 25, minimum=1, maximum=65535)
    EMAIL_HOST_USER = env_str("ANWEI_EMAIL_USER", "-")
    EMAIL_HOST_PASSWORD = env_str("ANWEI_EMAIL_PASSWORD", "-")
    _email_security = env_str("ANWEI_EMAIL_SECURITY", "none")
    if _email_security not in ("none", "starttls", "tls"):
        raise EnvError(f"環境變數 ANWEI_EMAIL_SECURITY 的值「{_email_security}」應為 none、starttls 或 tls"
                       "（ANWEI_EMAIL_SECURITY must be none/starttls/tls）")
    DEFAULT_FROM_EMAIL = env_str("ANWEI_EMAIL_FROM", "安維 <anwei@localhost>")
    EMAIL_TIMEOUT = env_int("ANWEI_EMAIL_TIMEOUT", 30, minimum=1, maximum=600)
    SCHEDULE = {
        "reminders": env_str("ANWEI_SCHEDULE_REMINDERS", "0 7-18 * * *"),  # 07:00 the day's reminders; then new approvals
        "digest": env_str("ANWEI_SCHEDULE_DIGEST", "30 7 * * *"),
        "retention": env_str("ANWEI_SCHEDULE_RETENTION", "0 2 * * *"),
        "mail": env_str("ANWEI_SCHEDULE_MAIL", "* * * * *"),  # retries of mail not yet delivered
        "accounts_idle": env_str("ANWEI_SCHEDULE_ACCOUNTS_IDLE", "10 1 * * *"),  # unused accounts disabled
        "audit_verify": env_str("ANWEI_SCHEDULE_AUDIT_VERIFY", "20 2 * * *"),  # a failure alerts the administrators
        "audit_anchor": env_str("ANWEI_SCHEDULE_AUDIT_ANCHOR", "55 * * * *"),  # chain ends out of the database
        "dashboards_summary": env_str("ANWEI_SCHEDULE_DASHBOARDS", "40 0 * * *"),  # the day's figures, the new year
    }
    ANWEI_TODAY = env_str("ANWEI_TODAY", "-")
    if ANWEI_TODAY == "-":
        ANWEI_TODAY = None
    elif not DEBUG:
        raise EnvError("環境變數 ANWEI_TODAY 只能在 ANWEI_DEBUG=true 的訓練或測試環境使用（ANWEI_TODAY needs ANWEI_DEBUG）")
    _db_url = env_str("ANWEI_DATABASE_URL", f"sqlite:///{DATA_DIR / 'anwei.sqlite3'}")
    try:
        _db = dj_database_url.parse(_db_url, conn_max_age=60, conn_health_checks=True)
    except Exception as exc:  # dj_database_url raises several types
        raise EnvError(f"環境變數 ANWEI_DATABASE_URL 無法解析：{exc}（ANWEI_DATABASE_URL is invalid）") from None
    if not _db.get("ENGINE"):
        raise EnvError("環境變數 ANWEI_DATABASE_URL 的資料庫種類不支援（ANWEI_DATABASE_URL: unsupported scheme）")
except EnvError as exc:
    sys.stderr.write(f"設定錯誤：{exc}\n")
    raise SystemExit(2) from None

EMAIL_HOST, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD = (
    "" if v == "-" else v for v in (EMAIL_HOST, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD))
EMAIL_USE_TLS = _email_security == "starttls"
EMAIL_USE_SSL = _email_security == "tls"
# Without a relay, mail is written one file per message (.eml, opens in any mail program) under var/mail.
EMAIL_BACKEND = ("django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST
                 else "anwei.notifications.mailfiles.EmlFileBackend")
EMAIL_FILE_PATH = DATA_DIR / "mail"
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_SUBJECT_PREFIX = ""

if _db["ENGINE"] == "django.db.backends.sqlite3":
    if _db["NAME"] not in ("", ":memory:"):
        Path(_db["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    _db["OPTIONS"] = {
        # WAL lets readers proceed while one writer writes; IMMEDIATE avoids
        # "database is locked" upgrades in the middle of a transaction.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;",
        "transaction_mode": "IMMEDIATE",
    }
DATABASES = {"default": _db}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks_db",
    "anwei.core",
    "anwei.orgs",
    "anwei.portal",
    "anwei.accounts",
    # Domain apps, in dependency order (demo data loads in this order too).
    "anwei.documents",
    "anwei.tracking",
    "anwei.meetings",
    "anwei.meetingimports",
    "anwei.plans",
    "anwei.footage",
    "anwei.assessments",
    "anwei.devicechecks",
    "anwei.inspections",
    "anwei.travel",
    "anwei.awareness",
    "anwei.workreports",
    "anwei.incidents",
    "anwei.access",
    "anwei.submissions",
    "anwei.dashboards",
    "anwei.duties",
    "anwei.rollup",
    "anwei.notifications",
    "anwei.search",  # above every domain app: reads what they register in portal.searchables
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "anwei.core.middleware.SessionIdleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "anwei.core.middleware.SecurityHeadersMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "anwei.notifications.alerts.ProbeAlertMiddleware",
    "anwei.accounts.middleware.AccountGateMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

# Scripts only from our own static files (htmx and anwei/js/app.js; no inline handlers); styles may be
# inline (document previews carry their own stylesheet); nothing is framed or posted elsewhere.
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                           "img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'self'; "
                           "form-action 'self'; frame-ancestors 'none'")

ROOT_URLCONF = "anwei.urls"
WSGI_APPLICATION = "anwei.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "anwei.portal.context_processors.navigation",
                "anwei.notifications.context_processors.bell",
                "anwei.core.pagecache.csrf_placeholder",  # last: it overrides the builtin csrf_token
            ],
            "builtins": ["anwei.core.templatetags.roc", "anwei.core.templatetags.formtags",
                         "anwei.portal.templatetags.policy_tags"],
        },
    }
]

# Rendered pages (core.pagecache) and people's grants (orgs.policy), per worker process: keys change
# with the data, so a cache shared between processes is not needed for correctness. About 20 KB a page.
if CACHE_URL:
    _memcached = {"BACKEND": "django.core.cache.backends.memcached.PyMemcacheCache",
                  "LOCATION": CACHE_URL.removeprefix("memcached://").split(",")}
    CACHES = {
        "default": {**_memcached, "KEY_PREFIX": "anwei"},
        "grants": {**_memcached, "KEY_PREFIX": "anwei-grants"},
        "pages": ({**_memcached, "KEY_PREFIX": "anwei-pages"} if PAGE_CACHE
                  else {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}),
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "default"},
        "grants": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "grants",
                   "OPTIONS": {"MAX_ENTRIES": 5000}},
        "pages": ({"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages",
                   "OPTIONS": {"MAX_ENTRIES": 1000}} if PAGE_CACHE
                  else {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}),
    }

AUTH_USER_MODEL = "orgs.Person"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "anwei.accounts.passwords.RecentPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Idle timeout: the session's server-side expiry moves forward with activity (at most once a
# minute, core.middleware), so it expires after SESSION_IDLE_MINUTES without activity.
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
# Lock the account, not the address: offices sit behind one NAT address, and a
# per-address lockout would shut out a whole building after one person's typos.
AXES_LOCKOUT_PARAMETERS = ["username"]
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_ENABLE_ACCESS_FAILURE_LOG = True
OTP_TOTP_ISSUER = "安維"  # every failure with its address: the per-address limit counts them

LANGUAGE_CODE = "zh-hant"
LANGUAGES = [("zh-hant", "繁體中文")]
TIME_ZONE = "Asia/Taipei"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [PACKAGE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
# Uploaded evidence and attachments live outside the web root and are served
# only through views that check permissions; there is deliberately no MEDIA_URL.
UPLOAD_DIR = DATA_DIR / "uploads"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if TASKS_IMMEDIATE
            else "django_tasks_db.DatabaseBackend"
        ),
        "QUEUES": ["default"],
    }
}

X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
if HTTPS:
    SECURE_SSL_REDIRECT = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
