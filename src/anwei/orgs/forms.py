from django.contrib.auth.forms import AuthenticationForm


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "帳號或密碼錯誤，請重新輸入（區分大小寫）。連續錯誤 5 次將暫停登入 15 分鐘。",
        "inactive": "此帳號已停用，請洽系統管理者。",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "帳號"
        self.fields["username"].error_messages["required"] = "請輸入帳號。"
        self.fields["password"].error_messages["required"] = "請輸入密碼。"
