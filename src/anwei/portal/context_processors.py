from anwei.orgs import policy
from anwei.portal.navigation import nav_for


def navigation(request):
    person = getattr(request, "user", None)
    if person is None or not person.is_authenticated:
        return {}
    entries = nav_for(person)
    # The menu item of the page: the entry whose address is the longest start of this one (首頁 only for itself).
    under = [e.url for e in entries if e.url != "/" and request.path.startswith(e.url)]
    current = max(under, key=len) if under else ("/" if request.path == "/" else "")
    return {"nav_entries": entries, "nav_current": current, "my_roles": policy.role_labels(person)}
