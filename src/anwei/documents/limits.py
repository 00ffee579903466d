"""Maximum lengths of the free text that goes into documents, with a Chinese message next to the
field. Text without a limit can keep a worker busy for half a minute when it is printed (a
register whose items held 100,000 characters each); these limits leave room for any real text
(seed 000's whole work report is about 6,000 characters) and longer material belongs in an
attachment. Long documents are rendered in the background in any case (documents.http)."""

from __future__ import annotations

from django import forms

TITLE = 300  # 案由, a 函's 主旨
ITEM = 5_000  # a directive, a ruling, a duty, a resolution
PROGRESS = 10_000  # one round's 執行情形
SECTION = 20_000  # a plan section, a proposal's 說明, a letter's 說明
REPORT = 50_000  # a work or special report


def limited(label: str, limit: int) -> dict:
    """Keyword arguments for a forms.CharField: max_length, the message, and the browser's own limit."""
    return {"max_length": limit,
            "error_messages": {"max_length": f"「{label}」最多 {limit:,} 字（目前 %(show_value)d 字），"
                                             "請精簡，或將詳細內容改以附件提供。"}}


def limit_field(field: forms.Field, label: str, limit: int) -> forms.Field:
    """Apply a limit to a field a form already has (a ModelForm's, a generated section's)."""
    from django.core.validators import MaxLengthValidator

    field.max_length = limit
    field.validators.append(MaxLengthValidator(limit))
    field.error_messages["max_length"] = limited(label, limit)["error_messages"]["max_length"]
    field.widget.attrs["maxlength"] = str(limit)
    return field
