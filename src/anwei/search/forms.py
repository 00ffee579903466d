from __future__ import annotations

from django import forms

from anwei.core.forms import RocDateField
from anwei.search.text import MAX_QUERY


class SearchForm(forms.Form):
    """The query and its filters, all from the URL (a result page can be bookmarked or sent)."""

    q = forms.CharField(label="查詢", required=False, max_length=MAX_QUERY * 10)
    kind = forms.ChoiceField(label="類別", required=False)
    year = forms.IntegerField(label="年度（民國）", required=False, min_value=1, max_value=999,
                              error_messages={"invalid": "請填寫民國年度數字。", "min_value": "請填寫民國年度數字。",
                                              "max_value": "請填寫民國年度數字。"})
    date_from = RocDateField(label="日期起", required=False)
    date_to = RocDateField(label="日期迄", required=False)
    agency = forms.TypedChoiceField(label="機關", required=False, coerce=int, empty_value=None)
    unit = forms.TypedChoiceField(label="單位", required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label="狀態", required=False,
                               choices=[("", "全部"), ("open", "辦理中"), ("released", "已結（解除列管）")])

    def __init__(self, *args, kinds=(), agencies=(), units=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", "全部")] + [(k.kind, k.label) for k in kinds]
        self.fields["agency"].choices = [("", "全部")] + [(a.pk, a.name) for a in agencies]
        if len(agencies) > 1:
            self.fields["unit"].help_text = "選定機關後可依單位篩選"
        self.fields["unit"].choices = [("", "全部")] + [
            (u.pk, f"{u.agency.name} {u.name}" if len(agencies) > 1 else u.name) for u in units]

    def clean(self):
        c = super().clean()
        if c.get("date_from") and c.get("date_to") and c["date_to"] < c["date_from"]:
            self.add_error("date_to", "日期迄不得早於日期起。")
        return c
