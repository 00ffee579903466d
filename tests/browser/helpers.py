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


def page_urls(world, roles) -> tuple[dict[str, str], list[str]]:
    """The address of every page of the permission matrix that one of `roles` may open (GET), built in one
    shared world before any browsing. The matrix builds each row's record in a fresh world; sharing one, a few
    builders clash (a second trip of the same person in the same days): those rows are returned apart."""
    from django.urls import reverse

    from tests.test_permission_matrix import ROWS

    urls, clashed = {}, []
    for r in ROWS:
        if r.method == "get" and any(r.expected(role) == 200 for role in roles):
            try:
                urls[r.name] = reverse(r.name, kwargs=r.kwargs(world)) + (f"?{r.query}" if r.query else "")
            except Exception:  # noqa: BLE001 - any clash of builders; the caller names them
                clashed.append(r.name)
    return urls, clashed
