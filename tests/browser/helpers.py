from tests.world import PASSWORD


def login(page, base, username: str, password: str = PASSWORD) -> None:
    """Log in through the form as a person would; `base` is the live_server or its URL."""
    base = getattr(base, "url", base)
    page.context.clear_cookies()
    page.goto(base + "/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_selector("h1:has-text('首頁')")
