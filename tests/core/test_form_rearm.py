from django import forms

from anwei.core.forms import VersionForm, form_rearm


class NoteForm(VersionForm):
    prefix = "note"
    text = forms.CharField()


def test_rearm_sets_the_prefixed_version_and_keeps_what_was_typed():
    form = NoteForm({"note-version": "3", "note-text": "我輸入的內容"})
    assert form.is_valid()
    form_rearm(form, 5)
    html = str(form)
    assert 'name="note-version" value="5"' in html
    assert "我輸入的內容" in html
