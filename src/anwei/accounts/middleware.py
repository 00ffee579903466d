"""A person whose password must change (set by someone else, or too old) changes it before anything else."""

from __future__ import annotations

from django.shortcuts import redirect
from django.urls import reverse

from anwei.accounts.selectors import password_change_reason

# What a person with a password to change may still open: the change itself, signing out, the assets.
_OPEN = ("/static/", "/logout/", "/healthz")


class PasswordChangeRequiredMiddleware:
    """Listed after AuthenticationMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated and not request.path.startswith(_OPEN)
                and request.path != reverse("accounts:password_change") and password_change_reason(user)):
            return redirect("accounts:password_change")
        return self.get_response(request)
