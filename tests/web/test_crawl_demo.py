"""Every page of the demo, as every demo login: no link leads to a page that refuses the person (403/404),
nothing answers 500, and two different pages never carry the same title."""

from __future__ import annotations

import re
from collections import defaultdict, deque
from importlib import import_module

import pytest
from django.apps import apps
from django.core.management import call_command
from django.test import Client
from django.urls import Resolver404, resolve

from anwei.orgs.models import Person

# Downloads that take long to make are not fetched (their pages' links are checked where they are made).
SKIP_SUFFIXES = (".pdf", ".docx", ".zip", ".ics")
SKIP_PREFIXES = ("/static/", "/logout", "/admin/", "/documents/jobs/")
MAX_PAGES = 250  # per login: the demo's pages with every list's first page, bounded whatever happens
LINK = re.compile(r'href="(/[^"#]*)"')
TITLE = re.compile(r"<title>(.*?)｜", re.S)


def _logins() -> list[str]:
    names = []
    for config in apps.get_app_configs():
        if config.name.startswith("anwei."):
            try:
                module = import_module(f"{config.name}.demo")
            except ModuleNotFoundError:
                continue
            names += [u for u, _ in getattr(module, "LOGINS", []) if u != "admin"]
    return names


def _crawl(client: Client) -> tuple[list[str], dict[str, set[str]]]:
    problems, titles = [], defaultdict(set)
    seen, queue = {"/"}, deque(["/"])
    pages = 0
    while queue and pages < MAX_PAGES:
        url = queue.popleft()
        response = client.get(url)
        pages += 1
        if response.status_code in (403, 404, 500):
            problems.append(f"{url} → {response.status_code}（連結來自 {client.sources.get(url, '?')}）")
            continue
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        page = response.content.decode()
        if m := TITLE.search(page):
            try:
                titles[m.group(1).strip()].add(resolve(url.split("?")[0]).view_name)
            except Resolver404:
                pass
        for href in LINK.findall(page):
            href = href.replace("&amp;", "&")
            if href in seen or href.startswith(SKIP_PREFIXES) or href.split("?")[0].endswith(SKIP_SUFFIXES):
                continue
            seen.add(href)
            client.sources[href] = url
            queue.append(href)
    return problems, titles


@pytest.mark.django_db
def test_every_link_of_the_demo_opens_for_whoever_sees_it_and_titles_differ():
    call_command("demo")
    refused, same_title = {}, {}
    for username in _logins():
        client = Client()
        client.sources = {}
        client.force_login(Person.objects.get(username=username))
        problems, titles = _crawl(client)
        if problems:
            refused[username] = problems
        clashes = {t: sorted(v) for t, v in titles.items() if len(v) > 1}
        if clashes:
            same_title[username] = clashes
    assert not refused, f"連結到打不開的頁面：{refused}"
    assert not same_title, f"不同頁面用了相同標題：{same_title}"
