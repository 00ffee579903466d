from anwei.portal.navigation import nav_for
from anwei.orgs import policy
from anwei.orgs.models import Role


def navigation(request):
    person = getattr(request, "user", None)
    if person is None or not person.is_authenticated:
        return {}
    memberships = policy.grants(person).memberships
    roles = sorted({m.get_role_display() for m in memberships})
    return {"nav_entries": nav_for(person), "my_roles": roles, "ROLE": Role}
