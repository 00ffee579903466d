import os
import shutil

import pytest

from tests.world import build_world


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture(autouse=True)
def _page_cache():
    # Rendered pages and grants are keyed by person id and data versions, both of which repeat
    # across tests (each test's rows are rolled back).
    from tests.cold import cold

    cold()
    yield


@pytest.fixture(autouse=True)
def _upload_dir(settings, tmp_path):
    # Uploads never land in the developer's var/ during tests; nor do audit anchors, which would
    # outlive the rows a test rolls back.
    settings.UPLOAD_DIR = tmp_path / "uploads"
    settings.AUDIT_ANCHOR_FILE = tmp_path / "audit-anchors.jsonl"


@pytest.fixture
def as_(client):
    """Log the test client in as a person and return it."""
    def login(person):
        client.logout()
        client.force_login(person)
        return client
    return login


@pytest.fixture
def client_of():
    """A separate logged-in browser per person, for two people working at the same time."""
    from django.test import Client

    def make(person):
        c = Client()
        c.force_login(person)
        return c
    return make


CHROMIUM = os.environ.get("ANWEI_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.fail(f"瀏覽器測試需要 Debian 的 Chromium（{CHROMIUM}）：apt-get install chromium")
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls
    # made by fixtures around it are still synchronous and safe.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="zh-TW")
    p = context.new_page()
    p.set_default_timeout(15000)
    yield p
    context.close()


def _whole_suite(config) -> bool:
    """The run collected every test (no -k, -m, file or node selection, no --lf)."""
    o = config.option
    default = [str(config.rootpath / p) for p in config.getini("testpaths")]
    chosen = [str(config.rootpath / a) if not a.startswith("/") else a for a in config.args]
    return (not o.keyword and not o.markexpr and not getattr(o, "lf", False) and not getattr(o, "last_failed", False)
            and chosen in ([], default, [str(config.rootpath)]))


# With pytest-xdist, the services each worker knew and the ones its tests called.
_in_workers: dict[str, set[str]] = {"services_known": set(), "services_called": set()}


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    for key, names in _in_workers.items():
        names.update(getattr(node, "workeroutput", {}).get(key, ()))


def pytest_sessionfinish(session, exitstatus):
    """Every write service must be called by some test: each call checks that it left an audit row
    (core.service), so a service no test calls is a service whose audit nobody checked. Under pytest-xdist each
    worker hands its calls to the controller, which checks their union."""
    from anwei.core.service import service_registry, services_called

    if hasattr(session.config, "workeroutput"):  # an xdist worker: report, the controller decides
        session.config.workeroutput["services_known"] = sorted(service_registry())
        session.config.workeroutput["services_called"] = sorted(services_called())
        return
    if exitstatus != 0 or not _whole_suite(session.config):
        return
    known = set(service_registry()) | _in_workers["services_known"]
    never = sorted(name for name in known - services_called() - _in_workers["services_called"]
                   if name.startswith("anwei."))
    if never:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        reporter.write_line(f"沒有任何測試呼叫的寫入服務（其稽核紀錄未經檢查）：{never}", red=True)
        session.exitstatus = 1
