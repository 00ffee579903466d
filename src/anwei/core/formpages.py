"""The one error path of every view: a view calls one service for a valid form (form_attempt), or for
a one-button action (message_attempt). Services refuse with Django's ValidationError (a field map puts
each reason next to its field) and report an edit conflict with ConflictError; after a conflict the
form keeps what was typed, re-armed with the current version, and form_page answers 409 with, field by
field, what the other person saved (templates core/_conflict.html and core/_fields.html)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from django import forms
from django.contrib import messages
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.http import HttpResponse
from django.shortcuts import render

from anwei.core.forms import ConflictError, form_rearm
from anwei.lib import rocdate

T = TypeVar("T")


def posted_version(request) -> int:
    """The version a one-button form carried; none (a hand-made request) never matches a saved row."""
    version = request.POST.get("version", "")
    return int(version) if version.isdigit() else -1


def form_errors_apply(form: forms.Form, exc: ValidationError) -> None:
    """Put a service's ValidationError next to the fields it names; the rest on top of the form."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


@dataclass
class Attempt(Generic[T]):
    """What one service call made of a form: done (with the service's value), refused (the reasons are
    on the form, next to their fields) or stale (`conflict` is the record as someone else saved it)."""

    done: bool = False
    value: T | None = None
    conflict: Any = None
    errors: list[str] = field(default_factory=list)  # refusals that belong to no one form (rows_attempt)


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


def message_attempt(request, call: Callable[[], T], *,
                    conflict: str | Callable[[Any], str] = "此筆資料已被其他人修改，尚未執行；請看過目前的內容後再試。"
                    ) -> Attempt[T]:
    """The same for a one-button action with no form: a refusal or a conflict becomes a message on
    the page the person is sent back to (`conflict`: the words, or a function of the current record)."""
    try:
        return Attempt(done=True, value=call())
    except ConflictError as exc:
        messages.error(request, conflict(exc.current) if callable(conflict) else conflict)
        return Attempt(conflict=exc.current)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
        return Attempt()


def rows_attempt(forms_by_pk: dict[int, forms.Form], call: Callable[[], T]) -> Attempt[T]:
    """The same for a table saved as a whole (one form per row, keyed by the row's pk): after a conflict
    every stale row's form is re-armed (`conflict` maps pk → the row as saved by the other person);
    a refusal of the whole (e.g. an agenda past midnight) comes back in `errors`."""
    try:
        return Attempt(done=True, value=call())
    except ConflictError as exc:
        stale = exc.current if isinstance(exc.current, list) else [exc.current]
        for row in stale:
            if row.pk in forms_by_pk:
                form_rearm(forms_by_pk[row.pk], row.version)
        return Attempt(conflict={row.pk: row for row in stale})
    except ValidationError as exc:
        return Attempt(errors=exc.messages)


def table_attempt(table: forms.Form, row_forms: dict[str, forms.Form], call: Callable[[], T]) -> Attempt[T]:
    """The same for a table saved as a whole under one version (`table` carries it): after a conflict the
    table is re-armed with the current version (`conflict` is the table as saved now); a refusal named
    "<row prefix>-<field>" goes next to that field of that row's form, any other on top of the table."""
    try:
        return Attempt(done=True, value=call())
    except ConflictError as exc:
        form_rearm(table, exc.current.version)
        return Attempt(conflict=exc.current)
    except ValidationError as exc:
        if not hasattr(exc, "error_dict"):
            return Attempt(errors=exc.messages)
        errors = []
        for name, messages_ in exc.error_dict.items():
            key, _, field_name = name.partition("-")
            form = row_forms.get(key)
            if form is not None and field_name in form.fields:
                form.add_error(field_name, messages_)
            else:
                errors += [m for e in messages_ for m in e.messages]
        return Attempt(errors=errors)


def form_submit(request, form, save, success):
    """On a valid POST call `save(cleaned_data)` (one service, through form_attempt). Returns (result,
    conflict): result is what the service returned (True when it returns nothing; None if nothing was
    saved), conflict the other person's saved row. `success` is the message, or a function of the result."""
    if request.method != "POST" or not form.is_valid():
        return None, None
    attempt = form_attempt(form, lambda: save(form.cleaned_data))
    if not attempt.done:
        return None, attempt.conflict
    messages.success(request, success if isinstance(success, str) else success(attempt.value))
    return (True if attempt.value is None else attempt.value), None


def _shown(value) -> str:
    if value is None or value == "":
        return "（未填）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.date):
        return rocdate.format_short(value)
    return str(value)


def _saved_values(form, current) -> list[tuple[str, str]]:
    """What the other person saved, field by field as this form labels them (for the conflict notice)."""
    out = []
    for name, field in form.fields.items():
        if field.widget.is_hidden:
            continue
        try:
            model_field = current._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if model_field.many_to_many:
            value = "、".join(str(o) for o in getattr(current, name).all())
        elif model_field.choices:
            value = getattr(current, f"get_{name}_display")()
        else:
            value = getattr(current, name)
        out.append((field.label or model_field.verbose_name, _shown(value)))
    return out


def form_page(request, template: str, context: dict, conflict=None):
    """Render a form page. After a stale save the answer is 409: the form keeps what was typed (re-armed
    with the current version, see form_submit) and the notice lists what the other person saved."""
    values = _saved_values(context["form"], conflict) if conflict is not None else []
    return render(request, template, {**context, "conflict": conflict, "conflict_values": values},
                  status=409 if conflict is not None else 200)


CONFIRMED = "confirmed"


def confirm_step(request, *, question: str, detail: str = "", action: str = "確定", back: str = "") -> HttpResponse | None:
    """An irreversible step asks first, with or without JavaScript: the first POST answers a page (or,
    for htmx, a fragment in place) that states what will happen and posts the same fields again with
    `confirmed=1`; that second POST returns None here and the view goes on."""
    if request.POST.get(CONFIRMED) == "1":
        return None
    fields = [(k, v) for k in request.POST if k not in ("csrfmiddlewaretoken", CONFIRMED)
              for v in request.POST.getlist(k)]
    context = {"question": question, "detail": detail, "action_label": action, "fields": fields,
               "post_to": request.get_full_path(), "back": back or request.headers.get("Referer", "") or "/",
               "confirmed_name": CONFIRMED}
    template = "core/_confirm.html" if getattr(request, "htmx", False) else "core/confirm.html"
    return render(request, template, context)
