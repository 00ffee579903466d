"""Every page carries the Content-Security-Policy, and a logged-in person's pages are not kept in
the browser's or a proxy's cache (footage requests and travel records are personal data)."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "anwei" / "templates"


def _script_src(response) -> str:
    policy = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
    return policy["script-src"]


def test_pages_allow_only_our_own_scripts(client, world):
    assert _script_src(client.get(reverse("login"))) == "'self'"
    client.force_login(world.officer)
    response = client.get(reverse("home"))
    assert _script_src(response) == "'self'"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


@pytest.mark.parametrize("name", ["home", "footage:request_list", "travel:index"])
def test_logged_in_pages_are_not_stored(client, world, name):
    client.force_login(world.officer)
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_no_template_runs_inline_script():
    """The policy would block them: a handler written into a page must move to anwei/js/app.js."""
    offenders = []
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        if re.search(r"\son[a-z]+\s*=", text) or re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text):
            offenders.append(str(path.relative_to(TEMPLATES)))
    assert not offenders
