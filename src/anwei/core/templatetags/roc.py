"""ROC date filters, loaded as builtins: {{ d|roc_date }} → 中華民國108年11月12日."""

import datetime as dt

from django import template
from django.utils import timezone

from anwei.lib import rocdate

register = template.Library()


def _as_date(value):
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value if isinstance(value, dt.date) else None


def _filter(fn):
    def wrapped(value):
        d = _as_date(value)
        return fn(d) if d else ""

    wrapped.__name__ = fn.__name__
    return wrapped


register.filter("roc_date", _filter(rocdate.format_long))
register.filter("roc_short", _filter(rocdate.format_short))
register.filter("roc_weekday", _filter(rocdate.format_with_weekday))
register.filter("roc_slash", _filter(rocdate.format_slash))


@register.filter("roc_datetime")
def roc_datetime(value):
    if not isinstance(value, dt.datetime):
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{rocdate.format_slash(local.date())} {local:%H:%M}"
