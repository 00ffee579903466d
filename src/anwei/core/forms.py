"""Form pieces shared by every app."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError

from anwei.lib import rocdate


class RocDateInput(forms.TextInput):
    """Shows a date as 113/02/05 and lets people type any form RocDateField accepts."""

    def __init__(self, attrs=None):
        super().__init__({"placeholder": "例：113/2/5", "inputmode": "numeric", "autocomplete": "off", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, dt.date):
            return rocdate.format_slash(value)
        return super().format_value(value)


class RocDateField(forms.Field):
    """Accepts 113/2/5, 113年2月5日, 1130205 and ISO dates; anything else gets a Chinese error."""

    widget = RocDateInput
    default_error_messages = {"required": "請填寫日期。"}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, dt.date):
            return value
        try:
            return rocdate.parse(value)
        except rocdate.RocDateError as exc:
            raise forms.ValidationError(str(exc), code="invalid") from None


class ConflictError(Exception):
    """Someone else saved the record since this person opened it."""

    def __init__(self, current):
        super().__init__("此筆資料已被其他人修改")
        self.current = current


class VersionForm(forms.Form):
    """Carries the version the record had when the form was opened (see core.concurrency)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)


def form_rearm(form: forms.Form, version: int) -> None:
    """After a conflict, re-arm the bound form with the record's current version, keeping what was
    typed and its errors: saving again after reading the other person's text overwrites knowingly,
    never silently — and does not conflict forever. Honours the form's prefix."""
    data = form.data.copy()
    data[form.add_prefix("version")] = str(version)
    form.data = data


def form_errors_apply(form: forms.Form, exc: ValidationError) -> None:
    """Put a service's ValidationError next to the fields it names; the rest on top of the form."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


T = TypeVar("T")


@dataclass
class Attempt(Generic[T]):
    """What one service call made of a form: done (with the service's value), refused (the reasons are
    on the form, next to their fields) or stale (`conflict` is the record as someone else saved it)."""

    done: bool = False
    value: T | None = None
    conflict: Any = None


def form_attempt(form: forms.Form, call: Callable[[], T]) -> Attempt[T]:
    """Run one service for a valid form — the one error path of every view. A refusal goes next to
    its field; after an edit conflict the form keeps what was typed, re-armed with the current
    version so that saving again (having seen the other person's values) is possible."""
    try:
        return Attempt(done=True, value=call())
    except ConflictError as exc:
        form_rearm(form, exc.current.version)
        return Attempt(conflict=exc.current)
    except ValidationError as exc:
        form_errors_apply(form, exc)
        return Attempt()


def message_attempt(request, call: Callable[[], T]) -> Attempt[T]:
    """The same for a one-button action with no form: a refusal or a conflict becomes a message on
    the page the person is sent back to."""
    try:
        return Attempt(done=True, value=call())
    except ConflictError as exc:
        messages.error(request, "此筆資料已被其他人修改，請重新整理頁面後再試。")
        return Attempt(conflict=exc.current)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
        return Attempt()
