from django.contrib import admin
from django.db import transaction

from anwei.core.audit import audit_record, snapshot
from anwei.core.models import AuditEntry, CalendarOverride, LetterNumberPattern


class AuditedAdmin(admin.ModelAdmin):
    """Admin edits write the same audit rows as services, in the same transaction: the object
    itself, and every row its inlines add, change or delete."""

    audit_fields: list[str] | None = None  # None: every concrete field

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            before = snapshot(type(obj).objects.get(pk=obj.pk), self.audit_fields) if change else None
            super().save_model(request, obj, form, change)
            audit_record(actor=request.user, action=f"admin.{'change' if change else 'add'}", obj=obj,
                         agency=self.audit_agency(obj), before=before, after=snapshot(obj, self.audit_fields))

    def save_formset(self, request, form, formset, change):
        agency = self.audit_agency(form.instance)  # inline rows belong to the object being edited
        with transaction.atomic():
            # Snapshots of deleted rows are taken while they still exist.
            for f in formset.deleted_forms:
                if f.instance.pk:
                    audit_record(actor=request.user, action="admin.delete", obj=f.instance, agency=agency,
                                 before=snapshot(f.instance))
            initial = {f.instance.pk: {name: f.initial.get(name) for name in f.changed_data}
                       for f in formset.initial_forms if f.instance.pk}
            super().save_formset(request, form, formset, change)
            for obj in formset.new_objects:
                audit_record(actor=request.user, action="admin.add", obj=obj, agency=agency, after=snapshot(obj))
            for obj, fields in formset.changed_objects:
                names = [obj._meta.get_field(n).attname for n in fields]
                audit_record(actor=request.user, action="admin.change", obj=obj, agency=agency,
                             before=initial.get(obj.pk), after=snapshot(obj, names))

    def delete_model(self, request, obj):
        with transaction.atomic():
            audit_record(actor=request.user, action="admin.delete", obj=obj, agency=self.audit_agency(obj),
                         before=snapshot(obj, self.audit_fields))
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)

    def audit_agency(self, obj):
        return getattr(obj, "agency", None)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        return unit_labels(db_field, field)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        return unit_labels(db_field, field)


def unit_labels(db_field, field):
    """Units are named with their agency in drop-downs: five 「總務處」 of five agencies are otherwise one name.
    (Known by label, not by import: core lies below orgs.)"""
    if field is not None and db_field.related_model._meta.label == "orgs.Unit":
        field.queryset = field.queryset.select_related("agency")
        field.label_from_instance = lambda unit: f"{unit.agency.name}／{unit.name}"
    return field


@admin.register(CalendarOverride)
class CalendarOverrideAdmin(AuditedAdmin):
    list_display = ["date", "is_workday", "reason"]
    search_fields = ["reason"]
    date_hierarchy = "date"

    def audit_agency(self, obj):
        return None


@admin.register(LetterNumberPattern)
class LetterNumberPatternAdmin(AuditedAdmin):
    list_display = ["agency", "name", "pattern", "is_default"]
    list_filter = ["agency"]


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the log is append-only."""

    list_display = ["id", "at", "actor_label", "action", "object_type", "object_id", "object_label"]
    list_filter = ["action", "object_type"]
    search_fields = ["object_label", "actor_label"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
