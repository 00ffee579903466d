import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from anwei.core import uploads

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100


def test_names_are_sanitised():
    assert uploads.sanitise_name("../../etc/passwd") == "passwd"
    assert uploads.sanitise_name("C:\\Users\\報案三聯單.pdf") == "報案三聯單.pdf"
    assert uploads.sanitise_name("a<script>.png") == "a_script_.png"
    assert uploads.sanitise_name("...") == "file"


@pytest.mark.parametrize("name,content,message", [
    ("run.exe", b"MZ" + b"\x00" * 10, "不接受"),
    ("photo.png", b"GIF89a" + b"\x00" * 10, "內容與副檔名不符"),
    ("doc.odt", b"PK\x03\x04garbage", "已損壞"),
])
def test_bad_uploads_get_a_chinese_message(name, content, message):
    with pytest.raises(forms.ValidationError) as exc:
        uploads.upload_check(SimpleUploadedFile(name, content))
    assert message in exc.value.messages[0]


def test_size_limit(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_UPLOAD_BYTES", 50)
    with pytest.raises(forms.ValidationError, match="太大"):
        uploads.upload_check(SimpleUploadedFile("p.png", PNG))


def test_saved_outside_web_root_with_random_name_and_served(world, settings):
    with transaction.atomic():
        stored = uploads.stored_file_save(actor=world.officer, agency=world.bureau,
                                          upload=SimpleUploadedFile("現場照片.png", PNG))
    assert stored.name == "現場照片.png"
    assert "現場照片" not in stored.relpath
    path = settings.UPLOAD_DIR / stored.relpath
    assert path.read_bytes() == PNG
    response = uploads.stored_file_response(stored)
    assert b"".join(response.streaming_content) == PNG
    assert "attachment" in response["Content-Disposition"]
    uploads.stored_file_delete(stored)
    assert not path.exists()
