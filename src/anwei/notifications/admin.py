from django.contrib import admin, messages
from django.utils import timezone

from anwei.core.admin import AuditedAdmin
from anwei.notifications.models import OutboundMail, ReminderRule, Run


@admin.register(OutboundMail)
class OutboundMailAdmin(admin.ModelAdmin):
    """The outbox: what waits to be sent, how often it failed and why (the relay down, an address refused)."""

    list_display = ["id", "to", "kind", "day", "state", "attempts", "next_attempt_at", "last_error", "sent_at"]
    list_filter = ["state", "kind", "day"]
    search_fields = ["to", "subject"]
    readonly_fields = [f.name for f in OutboundMail._meta.fields]
    actions = ["retry_now"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description="立即重新寄送")
    def retry_now(self, request, queryset):
        n = queryset.filter(state=OutboundMail.State.PENDING).update(next_attempt_at=timezone.now())
        messages.success(request, f"已排定 {n} 封郵件於下一分鐘重新寄送。")


@admin.register(Run)
class RunAdmin(admin.ModelAdmin):
    list_display = ["job", "day", "started_at", "finished_at", "obligations", "notices", "mails"]
    list_filter = ["job"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ReminderRule)
class ReminderRuleAdmin(AuditedAdmin):
    list_display = ["agency", "kind", "effective_from", "remind_before", "escalate_unit_after", "escalate_agency_after",
                    "fixed"]
    list_filter = ["agency"]
