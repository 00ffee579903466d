"""Rules as data, edited by the system administrator: sites and devices, the managing unit and
deadline, approval chains and retention rules. Edits are audited like service writes."""

from django.contrib import admin

from anwei.core.admin import AuditedAdmin
from anwei.footage.models import ApprovalChain, ApprovalStep, Device, FootageSettings, RetentionRule, Site


class DeviceInline(admin.TabularInline):
    model = Device
    extra = 1


@admin.register(Site)
class SiteAdmin(AuditedAdmin):
    list_display = ["name", "agency", "active"]
    list_filter = ["agency", "active"]
    inlines = [DeviceInline]


@admin.register(Device)
class DeviceAdmin(AuditedAdmin):
    list_display = ["code", "location", "kind", "site", "active"]
    list_filter = ["kind", "active", "site__agency"]
    search_fields = ["location", "code"]

    def audit_agency(self, obj):
        return obj.site.agency


@admin.register(FootageSettings)
class FootageSettingsAdmin(AuditedAdmin):
    list_display = ["agency", "managing_unit", "decision_days", "warn_days"]


class ApprovalStepInline(admin.TabularInline):
    model = ApprovalStep
    extra = 1


@admin.register(ApprovalChain)
class ApprovalChainAdmin(AuditedAdmin):
    list_display = ["name", "agency", "request_kind", "effective_from", "effective_to"]
    list_filter = ["agency"]
    inlines = [ApprovalStepInline]


@admin.register(RetentionRule)
class RetentionRuleAdmin(AuditedAdmin):
    list_display = ["agency", "record", "days", "effective_from", "note"]
    list_filter = ["agency", "record"]
