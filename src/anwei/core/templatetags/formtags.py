"""Form helpers for the shared field templates, loaded as builtins."""

from django import template

register = template.Library()


@register.filter
def required_any(form) -> bool:
    """Whether the form shows a required field (then the page says once 「*為必填」)."""
    return any(f.field.required and not f.is_hidden for f in form) if form is not None else False
