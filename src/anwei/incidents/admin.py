from django.contrib import admin

from anwei.core.admin import AuditedAdmin
from anwei.incidents.models import CategoryRule, ChainRule


@admin.register(CategoryRule)
class CategoryRuleAdmin(AuditedAdmin):
    """Rules change by adding a row with a start date; an incident keeps the rule of its discovery day."""

    list_display = ["category", "starts_on", "agency", "restricted", "superior_sees", "needs_level", "fixed"]
    list_filter = ["category", "agency"]


@admin.register(ChainRule)
class ChainRuleAdmin(AuditedAdmin):
    list_display = ["category", "party", "period_kind", "amount", "starts_on", "agency", "required"]
    list_filter = ["category", "party", "agency"]
