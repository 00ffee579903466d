"""Rendered pages reused until the data changes (key-based, never invalidated by hand).

Every change writes an audit row inside its own transaction, and every such row moves the data
versions of the scopes the change can show up in (core.dataversion; rows that only record an
access do not). A page is keyed under the versions of the scopes its reader can see, so it is
current for as long as they stand: a change simply makes every later request that could show it
ask for a new key. Old entries are never read again and age out.

The key also holds everything else a cached page may depend on: the person (their roles and
tenant scope come from audited rows too), today's date (deadlines and 逾期), the full path with
its query string, the htmx headers and the template. Pages with pending flash messages are never
cached. The CSRF token is not in the key: pages are stored with a placeholder, and every response,
fresh or cached, gets this request's own token (so a browser without the cookie gets one).

The permission check stays in the view, before the cache is asked: `page_render` only replaces
`render` for a page the person has already been allowed to see.

Order of reads matters: the versions are read before the page's data, so a change that commits in
between can only make the stored page newer than its key, never older.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from typing import TypeVar

from django.contrib import messages
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render

from anwei.core import clock

log = logging.getLogger(__name__)


ALIAS = "pages"
# A page is also dropped after this long whatever happens: the safety net for a change made
# outside the application (a restored backup, a hand-edited row), not the mechanism.
TIMEOUT = 600
CSRF_PLACEHOLDER = "anwei-csrf-placeholder-7f3c9e1d"  # plain ASCII: survives HTML escaping untouched
_MARK = "_anwei_page_cache"
T = TypeVar("T")

# What a reader's pages are keyed under: the data versions of the scopes the person can see. The
# permission policy knows the scopes (orgs.policy.grants) and registers itself here at start-up;
# core knows no app above it.
ReaderVersion = Callable[[object], str]
_reader_version: ReaderVersion | None = None


def reader_version_register(fn: ReaderVersion) -> None:
    global _reader_version
    _reader_version = fn


def _version(person) -> str:
    """The data version this request read first ("" when none is known: nothing is reused)."""
    return _reader_version(person) if _reader_version is not None else ""


def _key(request: HttpRequest, template_name: str) -> str | None:
    if request.method != "GET" or not request.user.is_authenticated:
        return None
    if len(messages.get_messages(request)):  # a flash message is shown once, so this page is not reusable
        return None
    version = _version(request.user)  # read once per request, before the data
    if not version:
        return None
    parts = [
        version,
        str(request.user.pk),
        clock.today().isoformat(),
        template_name,
        request.get_full_path(),
        request.headers.get("HX-Request", ""),
        request.headers.get("HX-Target", ""),
    ]
    return "page:" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _with_token(request: HttpRequest, content: bytes) -> HttpResponse:
    token = get_token(request).encode()  # also makes the middleware send the cookie when it is missing
    return HttpResponse(content.replace(CSRF_PLACEHOLDER.encode(), token), content_type="text/html; charset=utf-8")


def page_render(request: HttpRequest, template_name: str, build: Callable[[], dict]) -> HttpResponse:
    """`render(request, template_name, build())`, reusing the page rendered under the same key.

    `build` gathers the page's data; it is called only when the page has to be rendered."""
    key = _key(request, template_name)
    if key is None:
        return render(request, template_name, build())
    cache = caches[ALIAS]
    content = cache.get(key)
    if content is None:
        setattr(request, _MARK, True)
        try:
            content = render(request, template_name, build()).content
        finally:
            delattr(request, _MARK)
        _keep(cache, key, content)
    return _with_token(request, content)


def _keep(cache, key: str, value) -> None:
    """Store if the cache takes it: a shared Memcached refuses items over 1 MB (a long register page);
    such a page is simply rendered again next time."""
    try:
        cache.set(key, value, TIMEOUT)
    except Exception:  # the cache server's refusal or absence must not fail the page
        log.warning("page cache: %s not stored", key, exc_info=True)


_MISSING = object()


def remember(person, key: str, load: Callable[[], T]) -> T:
    """`load()`, kept under the data version this request read first (see reader_version_register),
    for rows that change only through audited writes: a selector's object lookup, say. The caller
    still checks the policy on what it gets; a cached copy is a fresh unpickled object."""
    version = _version(person)
    if not version:
        return load()
    full = f"{key}:{version}"
    store = caches[ALIAS]
    value = store.get(full, _MISSING)
    if value is _MISSING:
        value = load()
        _keep(store, full, value)
    return value


def csrf_placeholder(request: HttpRequest) -> dict:
    """Context processor: while a cacheable page renders, {% csrf_token %} writes the placeholder."""
    return {"csrf_token": CSRF_PLACEHOLDER} if getattr(request, _MARK, False) else {}
