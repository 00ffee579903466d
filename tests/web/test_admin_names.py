"""Django admin speaks Chinese, third-party apps included."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_admin_index_has_no_english_section_or_model_names(world, as_):
    admin = world.officer
    admin.is_staff = admin.is_superuser = True
    admin.save()
    page = as_(admin).get(reverse("admin:index")).content.decode()
    for english in ("AXES", "Axes", "Access attempts", "Access failures", "Access logs", "TASKS DATABASE BACKEND",
                    "Tasks Database Backend", "Task results", "Task Results", "Sessions"):
        assert english not in page
    assert "登入失敗鎖定" in page and "背景工作結果" in page
    captions = re.findall(r"<caption>.*?<a[^>]*>(.*?)</a>", page, re.S)
    assert captions and all(not re.search(r"[A-Za-z]{3,}", c) for c in captions), captions
