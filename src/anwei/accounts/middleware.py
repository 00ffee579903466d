"""Before any page: the second factor of a person who has one (or must set one up), then a password that
must change (set by someone else, or too old)."""

from __future__ import annotations

from django.shortcuts import redirect
from django.urls import reverse

from anwei.accounts.second_factor import second_factor_needed
from anwei.accounts.selectors import password_change_reason

# What a person may still open on the way: signing out and the assets.
_OPEN = ("/static/", "/logout/", "/healthz")


class AccountGateMiddleware:
    """Listed after AuthenticationMiddleware and django-otp's OTPMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not request.path.startswith(_OPEN):
            step = self._step(request)
            if step and request.path != reverse(step):
                return redirect(step)
        return self.get_response(request)

    @staticmethod
    def _step(request) -> str:
        needed = second_factor_needed(request)
        if needed == "verify":
            return "accounts:second_factor"
        if password_change_reason(request.user):
            return "accounts:password_change"
        if needed == "setup":
            return "accounts:second_factor_setup"
        return ""
