from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.db import transaction

from anwei.core.admin import AuditedAdmin, CalendarOverrideAdmin, unit_labels
from anwei.core.audit import audit_record
from anwei.core.models import CalendarOverride
from anwei.orgs.models import Agency, Deputy, Membership, Person, Unit
from anwei.orgs.services import agency_move


class UnitInline(admin.TabularInline):
    model = Unit
    extra = 0


@admin.register(Agency)
class AgencyAdmin(AuditedAdmin):
    list_display = ["name", "kind", "parent", "code"]
    list_filter = ["kind"]
    search_fields = ["name", "code"]
    inlines = [UnitInline]

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            if change and "parent" in form.changed_data:
                parent = obj.parent
                obj.parent = Agency.objects.get(pk=obj.pk).parent
                super().save_model(request, obj, form, change)
                agency_move(actor=request.user, agency=obj, parent=parent)
                return
            super().save_model(request, obj, form, change)
            if not change:
                obj.path = obj.compute_path()
                obj.save(update_fields=["path"])

    def audit_agency(self, obj):
        return obj


@admin.register(Unit)
class UnitAdmin(AuditedAdmin):
    list_display = ["name", "agency", "is_ethics", "is_personnel", "order"]
    list_filter = ["agency"]
    search_fields = ["name"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    fk_name = "person"

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        return unit_labels(db_field, super().formfield_for_foreignkey(db_field, request, **kwargs))


@admin.register(Person)
class PersonAdmin(AuditedAdmin, UserAdmin):
    search_fields = ["username", "full_name"]
    inlines = [MembershipInline]
    fieldsets = UserAdmin.fieldsets + (("機關資料", {"fields": ("full_name", "title", "grade", "rank", "agency", "unit",
                                                          "phone")}),)
    add_fieldsets = UserAdmin.add_fieldsets + (("機關資料", {"fields": ("full_name", "title", "grade", "rank", "agency",
                                                                  "unit")}),)
    # Never the password hash.
    audit_fields = ["username", "full_name", "title", "grade", "rank", "agency_id", "unit_id", "phone", "is_active",
                    "is_staff", "is_superuser"]

    list_display = ["username", "full_name", "title", "agency", "unit", "is_active", "last_login"]
    list_filter = ["agency", "is_active", "must_change_password"]

    def save_model(self, request, obj, form, change):
        if not change:  # an account an administrator opens: its first password is theirs, not the owner's
            obj.must_change_password = True
        super().save_model(request, obj, form, change)

    def user_change_password(self, request, id, form_url=""):
        with transaction.atomic():
            response = super().user_change_password(request, id, form_url)
            if request.method == "POST" and response.status_code == 302:  # the form was valid and saved
                person = Person.objects.get(pk=id)
                # A password someone else set is to be changed by its owner at the next sign-in.
                Person.objects.filter(pk=id).update(must_change_password=person.pk != request.user.pk)
                audit_record(actor=request.user, action="admin.password_change", obj=person, agency=person.agency)
        return response


@admin.register(Membership)
class MembershipAdmin(AuditedAdmin):
    list_display = ["person", "agency", "unit", "role"]
    list_filter = ["role", "agency"]


@admin.register(Deputy)
class DeputyAdmin(AuditedAdmin):
    """An administrator can record a deputy for someone who could not (sudden illness)."""

    list_display = ["person", "deputy", "starts_on", "ends_on", "reason", "cancelled_at"]
    list_filter = ["starts_on"]
    search_fields = ["person__full_name", "deputy__full_name"]
    raw_id_fields = ["person", "deputy", "created_by"]

    def audit_agency(self, obj):
        return obj.person.agency


class CalendarOverrideForm(forms.ModelForm):
    """The scope is chosen as an agency (the model keeps its tree path, core knowing nothing of agencies)."""

    agency = forms.ModelChoiceField(Agency.objects.all(), required=False, label="宣布機關（縣市或機關）",
                                    help_text="空白表示全國（行政院人事行政總處宣布）；選縣市政府並勾選「含所屬機關」表示該縣市全部機關")

    class Meta:
        model = CalendarOverride
        fields = ["date", "is_workday", "reason", "agency", "subtree"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.scope_path:
            self.initial["agency"] = Agency.objects.filter(path=self.instance.scope_path).first()

    def clean(self):
        data = super().clean()
        agency = data.get("agency")
        self.instance.scope_path = agency.path if agency else ""
        self.instance.scope_name = agency.name if agency else ""
        if data.get("date") and CalendarOverride.objects.filter(date=data["date"], scope_path=self.instance.scope_path
                                                                ).exclude(pk=self.instance.pk).exists():
            self.add_error("date", "此日期在相同範圍已有調整，請修改原有的紀錄。")
        return data


admin.site.unregister(CalendarOverride)


@admin.register(CalendarOverride)
class ScopedCalendarOverrideAdmin(CalendarOverrideAdmin):
    form = CalendarOverrideForm
    list_display = ["date", "scope_name", "subtree", "is_workday", "reason"]
    list_filter = ["is_workday", "scope_name"]
