"""Idle logout without a database write on every request.

A logged-in session's expiry (now + SESSION_COOKIE_AGE, kept server-side) is moved forward when
the session was last touched more than TOUCH_SECONDS ago, so a person is logged out after
SESSION_IDLE_MINUTES without activity (to within TOUCH_SECONDS). Saving on every request would
serialise all requests on the session table's writes (SQLite has one writer).
"""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib.auth import SESSION_KEY

TOUCH_SECONDS = 60
_TOUCHED = "_anwei_touched"


class SessionIdleMiddleware:
    """Listed right after SessionMiddleware: its response phase runs before the session is saved."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and SESSION_KEY in session:
            now = int(time.time())
            if now - session.get(_TOUCHED, 0) >= TOUCH_SECONDS:
                session[_TOUCHED] = now  # marks the session modified: SessionMiddleware saves it
        return response


class SecurityHeadersMiddleware:
    """Every response carries the Content-Security-Policy (settings.CONTENT_SECURITY_POLICY: scripts
    from our own static files only). A logged-in person's pages (footage requests, travel records: 個資)
    are not kept by the browser or a proxy: Cache-Control no-store unless the view said otherwise.
    Listed after AuthenticationMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and "Cache-Control" not in response.headers:
            response.headers["Cache-Control"] = "private, no-store"
        return response
