import pytest

from tests.world import PASSWORD, build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_logs_in_sees_chinese_home_and_logs_out(live_server, page):
    build_world()
    page.goto(live_server.url + "/")
    assert "/login/" in page.url
    page.fill("#id_username", "officer")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_selector("h1:has-text('首頁')")
    assert "待辦事項" in page.content()
    assert "測政風" in page.inner_text(".whoami")
    page.click("text=登出")
    page.wait_for_selector("h1:has-text('登入安維')")


def test_wrong_password_shows_the_error(live_server, page):
    build_world()
    page.goto(live_server.url + "/login/")
    page.fill("#id_username", "officer")
    page.fill("#id_password", "not-the-password")
    page.click("button[type=submit]")
    assert "帳號或密碼錯誤" in page.inner_text("[role=alert]")
