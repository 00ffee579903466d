"""The administrator resets a person's second factor from the person's page (audited). django-otp's own
device pages are removed: they would show the authenticator's secret and delete devices unaudited."""

from django.contrib import admin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from anwei.accounts import services
from anwei.accounts.models import AccountReview
from anwei.orgs.admin import PersonAdmin

for model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(model):
        admin.site.unregister(model)


@admin.action(description="重設雙因素驗證（手機遺失時；本人下次登入須重新設定）")
def second_factor_reset(modeladmin, request, queryset):
    for person in queryset:
        services.second_factor_reset(actor=request.user, person=person)
    modeladmin.message_user(request, f"已重設 {queryset.count()} 人的雙因素驗證。")


PersonAdmin.actions = [*(PersonAdmin.actions or []), second_factor_reset]


@admin.register(AccountReview)
class AccountReviewAdmin(admin.ModelAdmin):
    list_display = ["agency", "reviewed_on", "reviewed_by", "people"]
    list_filter = ["agency"]

    def has_add_permission(self, request):  # recorded by the ethics officer on the review page
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
