from django.contrib import admin

from anwei.core.admin import AuditedAdmin
from anwei.duties.models import RecurringDuty, SubtreeDuty, SubtreeDutyFrequency


@admin.register(RecurringDuty)
class RecurringDutyAdmin(AuditedAdmin):
    list_display = ["agency", "name", "every", "unit", "starts_on", "ends_on"]
    list_filter = ["kind", "agency"]


class FrequencyInline(admin.TabularInline):
    model = SubtreeDutyFrequency
    extra = 0
    fields = ["agency", "every", "unit", "starts_on", "fixed"]


@admin.register(SubtreeDuty)
class SubtreeDutyAdmin(AuditedAdmin):
    """A superior office's duty for its subtree; its frequency rows (the office's and those of agencies below)."""

    list_display = ["agency", "name", "kind", "starts_on", "ends_on"]
    list_filter = ["kind", "agency"]
    inlines = [FrequencyInline]
