from django.contrib import admin

from anwei.core.admin import AuditedAdmin
from anwei.travel.models import TravelRule


@admin.register(TravelRule)
class TravelRuleAdmin(AuditedAdmin):
    """Rules change by adding a row with a start date; applications keep the rule of their filing date."""

    list_display = ["kind", "working_days", "unit", "starts_on", "agency", "approval", "head_to_superior"]
    list_filter = ["kind", "agency"]
    ordering = ["kind", "-starts_on"]
