from django.contrib import admin

from anwei.awareness.models import DutyWords
from anwei.core.admin import AuditedAdmin


@admin.register(DutyWords)
class DutyWordsAdmin(AuditedAdmin):
    """The nationwide default (no agency) and each agency's own awareness duty words."""

    list_display = ["__str__", "agency", "updated_by", "updated_at"]
    search_fields = ["agency__name", "words"]
    raw_id_fields = ["agency"]
    readonly_fields = ["updated_by", "updated_at"]
