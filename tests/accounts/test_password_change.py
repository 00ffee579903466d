"""A person changes their own password: the current one must be right, the new one passes every rule
(not one of the last three), the change is audited without the password, and they stay signed in."""

import pytest
from django.urls import reverse

from anwei.core.models import AuditEntry
from tests.world import PASSWORD

pytestmark = pytest.mark.django_db

URL = "accounts:password_change"


def _post(client, old, new, again=None):
    return client.post(reverse(URL), {"old_password": old, "new_password1": new, "new_password2": again or new})


def test_change_and_stay_signed_in(client, world):
    client.force_login(world.staff)
    response = _post(client, PASSWORD, "a-brand-new-passphrase-7")
    assert response.status_code == 302
    world.staff.refresh_from_db()
    assert world.staff.check_password("a-brand-new-passphrase-7") and world.staff.password_changed_at
    assert client.get(reverse("home")).status_code == 200  # the session survived the change
    entry = AuditEntry.objects.filter(action="auth.password_change", object_id=str(world.staff.pk)).get()
    assert "passphrase" not in str(entry.after) and "pbkdf2" not in str(entry.after) and "md5" not in str(entry.after)


def test_bad_input_is_named_next_to_the_field(client, world):
    client.force_login(world.staff)
    page = _post(client, "not-my-password", "a-brand-new-passphrase-7").content.decode()
    assert "目前的密碼不正確。" in page
    page = _post(client, PASSWORD, "a-brand-new-passphrase-7", "something-else-entirely").content.decode()
    assert "兩次輸入的新密碼不一致。" in page
    page = _post(client, PASSWORD, "short").content.decode()
    assert "密碼長度太短" in page or "至少" in page
    world.staff.refresh_from_db()
    assert world.staff.check_password(PASSWORD)  # nothing changed


def test_none_of_the_last_three(client, world):
    client.force_login(world.staff)
    passwords = [PASSWORD, "first-new-passphrase-11", "second-new-passphrase-22", "third-new-passphrase-33"]
    for old, new in zip(passwords, passwords[1:]):
        assert _post(client, old, new).status_code == 302
    # the one in use and the two before it are refused; the oldest (fourth back) is allowed again
    for reused in passwords[1:]:
        page = _post(client, passwords[-1], reused).content.decode()
        assert "不可與最近 3 次使用過的密碼相同" in page, reused
    assert _post(client, passwords[-1], PASSWORD).status_code == 302
