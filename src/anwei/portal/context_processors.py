from anwei.orgs import policy
from anwei.portal.navigation import nav_for


def navigation(request):
    person = getattr(request, "user", None)
    if person is None or not person.is_authenticated:
        return {}
    return {"nav_entries": nav_for(person), "my_roles": policy.role_labels(person)}
