"""Pages show only the links a person can follow: no tab that answers 404."""

import re

from django.urls import reverse


def _links(client, url):
    return set(re.findall(r'href="(/[^"#?]*)', client.get(url).content.decode()))


def test_tabs_hide_what_the_role_cannot_open(world, client):
    for person, page in [(world.liaison, reverse("inspections:index")), (world.head, reverse("plans:plan_list"))]:
        client.force_login(person)
        for href in _links(client, page):
            if href.startswith(("/static/", "/logout")):
                continue
            assert client.get(href).status_code != 404, f"{person.username} sees a link to {href} that answers 404"


def test_officer_still_sees_the_management_tabs(world, client):
    client.force_login(world.officer)
    assert reverse("plans:template_list") in _links(client, reverse("plans:plan_list"))
    assert reverse("inspections:stats") in _links(client, reverse("inspections:index"))
