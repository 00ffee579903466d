"""Without an SMTP relay (`make run`), mail goes to files: one .eml per message under var/mail/, which
any mail program opens, so a newcomer sees exactly what would be sent."""

from __future__ import annotations

import datetime as dt
import secrets
from pathlib import Path

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend


class EmlFileBackend(BaseEmailBackend):
    def send_messages(self, email_messages) -> int:
        folder = Path(getattr(settings, "EMAIL_FILE_PATH", settings.DATA_DIR / "mail"))
        folder.mkdir(parents=True, exist_ok=True)
        for message in email_messages:
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            (folder / f"{stamp}-{secrets.token_hex(4)}.eml").write_bytes(message.message().as_bytes(linesep="\r\n"))
        return len(email_messages)
