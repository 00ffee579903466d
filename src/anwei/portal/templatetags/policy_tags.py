"""Ask the policy from a template, to show only the links a person can follow:
{% if user|may_any:"plans.manage" %}…{% endif %} — true if the person holds the action anywhere."""

from django import template

from anwei.orgs import policy

register = template.Library()


@register.filter("may_any")
def may_any(person, action: str) -> bool:
    return policy.holds_anywhere(person, action)
