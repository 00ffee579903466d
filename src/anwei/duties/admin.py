from django.contrib import admin

from anwei.core.admin import AuditedAdmin
from anwei.duties.models import RecurringDuty


@admin.register(RecurringDuty)
class RecurringDutyAdmin(AuditedAdmin):
    list_display = ["agency", "name", "every", "unit", "starts_on", "ends_on"]
    list_filter = ["kind", "agency"]
