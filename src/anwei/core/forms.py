"""Form pieces shared by every app."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.html import format_html

from anwei.lib import rocdate


class RocDateInput(forms.TextInput):
    """Shows a date as 113/02/05 and lets people type any form RocDateField accepts. The format is a visible
    hint tied to the field (a placeholder disappears as one types); the phone keypad is the decimal one,
    which has the 「.」 the hint suggests."""

    HINT = "民國年.月.日，例：113.2.5，亦可輸入1130205"

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "decimal", "autocomplete": "off", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, dt.date):
            return rocdate.format_slash(value)
        return super().format_value(value)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        own = context["widget"]["attrs"]
        if own.get("id"):
            own["aria-describedby"] = " ".join(filter(None, [own.get("aria-describedby"), f"{own['id']}_format"]))
        return context

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        if not (attrs or {}).get("id"):
            return html
        return html + format_html('<span class="hint date-format" id="{}_format">{}</span>', attrs["id"], self.HINT)


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


class PeriodForm(forms.Form):
    """A period, both ends included; an end before the start is refused next to the end."""

    start = RocDateField(label="期間起日")
    end = RocDateField(label="期間迄日")

    def clean(self):
        c = super().clean()
        if c.get("start") and c.get("end") and c["end"] < c["start"]:
            self.add_error("end", "期間迄日不得早於起日。")
        return c


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

