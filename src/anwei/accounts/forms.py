from django import forms


class PasswordChangeForm(forms.Form):
    old_password = forms.CharField(label="目前的密碼", max_length=128, strip=False,
                                   widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))
    new_password1 = forms.CharField(label="新密碼", max_length=128, strip=False,
                                    widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
                                    help_text="至少 12 個字元，不可全為數字、不可與帳號或姓名相近，也不可與最近 3 次的密碼相同。")
    new_password2 = forms.CharField(label="再輸入一次新密碼", max_length=128, strip=False,
                                    widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.error_messages["required"] = f"請輸入{field.label}。"

    def clean(self):
        data = super().clean()
        if data.get("new_password1") and data.get("new_password2") and data["new_password1"] != data["new_password2"]:
            self.add_error("new_password2", "兩次輸入的新密碼不一致。")
        return data


class ReviewForm(forms.Form):
    note = forms.CharField(label="檢視結果說明", max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3}),
                           help_text="例如：已停用離職人員帳號 2 個，調整單位承辦人 1 人。最多 2,000 字。")
