from django import forms
from django.contrib.auth.forms import AuthenticationForm

ADDRESS_BLOCKED = "此網路位址連續登入失敗次數過多，已暫停登入 15 分鐘。請稍後再試，或洽系統管理者。"


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "帳號或密碼錯誤，請重新輸入（區分大小寫）。連續錯誤 5 次將暫停登入 15 分鐘。",
        "inactive": "此帳號已停用，請洽系統管理者。",
    }

    def clean(self):
        # Before the password is tried: a refused attempt is not counted again, so waiting ends it.
        from anwei.orgs.selectors import signin_address_blocked

        if self.request is not None and signin_address_blocked(self.request):
            raise forms.ValidationError(ADDRESS_BLOCKED, code="address_blocked")
        return super().clean()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "帳號"
        self.fields["username"].error_messages["required"] = "請輸入帳號。"
        self.fields["password"].error_messages["required"] = "請輸入密碼。"
