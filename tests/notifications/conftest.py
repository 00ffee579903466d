import datetime as dt
import socket

import pytest

from anwei.tracking import services as ts
from anwei.tracking.models import TrackedItem


@pytest.fixture
def today(settings):
    """Set the application's date (core.clock): today(day) moves it, today() reads it."""
    def move(day: dt.date | None = None) -> dt.date:
        if day is not None:
            settings.ANWEI_TODAY = day
        from anwei.core import clock
        return clock.today()
    return move


def progress_round(world, deadline: dt.date, units=("秘書室",), n=2):
    """An open progress round of the bureau with n items for each unit (no completion dates)."""
    for unit in units:
        for i in range(n):
            ts.tracked_item_create(actor=world.officer, agency=world.bureau, source_kind=TrackedItem.Source.OTHER,
                                   text=f"請{unit}辦理第{i + 1}項。", lead_unit=world.units[unit],
                                   origin_label="113年第1次會議")
    return ts.progress_round_open(actor=world.officer, agency=world.bureau, deadline=deadline)


class Inbox:
    """A real SMTP server on 127.0.0.1 (aiosmtpd), and what it received."""

    def __init__(self):
        from aiosmtpd.controller import Controller

        self.messages = []
        self.refuse = False
        inbox = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                if inbox.refuse:
                    return "451 4.3.0 暫時無法收信"
                from email import message_from_bytes, policy

                inbox.messages.append(message_from_bytes(envelope.content, policy=policy.default))
                return "250 OK"

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)

    def start(self):
        self.controller.start()

    def stop(self):
        self.controller.stop()


@pytest.fixture
def smtp(settings):
    inbox = Inbox()
    inbox.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", inbox.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    yield inbox
    inbox.stop()


def body(message) -> str:
    part = message.get_body(preferencelist=("plain",))
    return part.get_content()
