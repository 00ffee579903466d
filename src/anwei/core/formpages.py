"""Form pages in the shape the checklist, inspection and device check views share: a valid POST calls
one service; the service's field errors go next to the fields; a stale save (ConflictError) answers 409
with the form as typed and, field by field, what the other person saved (templates core/_conflict.html
and core/_fields.html)."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.shortcuts import render

from anwei.core.forms import ConflictError, form_rearm
from anwei.lib import rocdate


def posted_version(request) -> int:
    """The version a one-button form carried; none (a hand-made request) never matches a saved row."""
    version = request.POST.get("version", "")
    return int(version) if version.isdigit() else -1


def form_errors_add(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errs in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errs)
    else:
        form.add_error(None, exc.messages)


def form_submit(request, form, save, success):
    """On a valid POST call `save(cleaned_data)` (one service). Returns (result, conflict): result is what
    the service returned (None if nothing was saved); a service's field errors go next to the fields and
    a stale version returns the other person's saved row, so the form is shown again with what was typed.
    `success` is the message, or a function of the result that makes it."""
    if request.method != "POST" or not form.is_valid():
        return None, None
    try:
        result = save(form.cleaned_data)
    except ConflictError as exc:
        form_rearm(form, exc.current.version)
        return None, exc.current
    except ValidationError as exc:
        form_errors_add(form, exc)
        return None, None
    messages.success(request, success if isinstance(success, str) else success(result))
    return (True if result is None else result), None


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
