from anwei.notifications.selectors import unread_count


def bell(request):
    """The header's bell: the person's unread notices (see selectors.unread_count for why it is never stale)."""
    person = getattr(request, "user", None)
    if person is None or not person.is_authenticated:
        return {}
    return {"unread_count": unread_count(person)}
