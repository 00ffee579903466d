"""The password rule that needs the account's history: not one of the last PASSWORD_HISTORY passwords
(Django's own validators give the length, similarity and common-password rules)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.hashers import check_password
from django.core.exceptions import ValidationError


class RecentPasswordValidator:
    def validate(self, password: str, user=None) -> None:
        if user is None or not getattr(user, "pk", None):
            return
        count = settings.PASSWORD_HISTORY
        hashes = [user.password] if user.password else []  # the one in use counts as the latest
        hashes += list(user.password_history.values_list("password", flat=True)[:max(count - 1, 0)])
        if any(check_password(password, h) for h in hashes[:count]):
            raise ValidationError(f"新密碼不可與最近 {count} 次使用過的密碼相同。", code="password_recent")

    def get_help_text(self) -> str:
        return f"不可與最近 {settings.PASSWORD_HISTORY} 次使用過的密碼相同。"
