"""Recipients see their own assignment and the dispatched documents; nothing else."""

import datetime as dt

import pytest
from django.urls import reverse

from anwei.orgs.models import Agency
from anwei.plans import services
from tests.plans import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def schools_dispatch(world):
    schools, officers = f.school_tree(world, 2)
    f.pattern_for(world.county)
    group = f.group_make(world, world.county, "本縣各公立國民中小學", kind=Agency.Kind.SCHOOL, actor=world.other_officer)
    plan = f.plan_make(world, agency=world.county, actor=world.other_officer)
    other_plan = f.plan_make(world, agency=world.county, actor=world.other_officer, year=113)
    letter = f.letter_make(world, plan, actor=world.other_officer, main=f.choice(groups=[group]))
    letter = services.letter_dispatch(actor=world.other_officer, letter=letter, on=dt.date(2023, 1, 10))
    a0, a1 = (letter.assignments.get(agency=s) for s in schools)
    services.assignment_report(actor=officers[1], assignment=a1, expected_version=a1.version,
                               result_text="第1校的成果：機密內容", uploads=[f.png("第1校.png")])
    return {"officers": officers, "a": (a0, a1), "letter": letter, "plan": plan, "other_plan": other_plan,
            "file": a1.files.get()}


def test_a_school_sees_its_assignment_and_the_dispatched_documents(world, client, schools_dispatch):
    officer, (a0, _) = schools_dispatch["officers"][0], schools_dispatch["a"]
    client.force_login(officer)
    assert client.get(reverse("plans:assignment_detail", args=[a0.pk])).status_code == 200
    for kind in ("letter", "plan", "duties"):
        url = reverse("plans:assignment_download", args=[a0.pk, kind, "html"])
        assert client.get(url).status_code == 200
    listing = client.get(reverse("plans:assignment_list")).content.decode()
    assert schools_dispatch["plan"].title in listing


def test_a_school_never_sees_another_schools_results(world, client, schools_dispatch):
    client.force_login(schools_dispatch["officers"][0])
    a1 = schools_dispatch["a"][1]
    assert client.get(reverse("plans:assignment_detail", args=[a1.pk])).status_code == 404
    assert client.get(reverse("plans:assignment_file", args=[a1.pk, schools_dispatch["file"].pk])).status_code == 404
    assert client.post(reverse("plans:assignment_receive", args=[a1.pk])).status_code == 404
    assert "機密內容" not in client.get(reverse("plans:assignment_list")).content.decode()


def test_a_school_never_sees_the_dispatchers_plans_or_matrix(world, client, schools_dispatch):
    client.force_login(schools_dispatch["officers"][0])
    for url in (reverse("plans:plan_detail", args=[schools_dispatch["plan"].pk]),
                reverse("plans:plan_detail", args=[schools_dispatch["other_plan"].pk]),
                reverse("plans:plan_download", args=[schools_dispatch["plan"].pk, "plan", "html"]),
                reverse("plans:matrix", args=[schools_dispatch["letter"].pk]),
                reverse("plans:matrix_export", args=[schools_dispatch["letter"].pk]),
                reverse("plans:letter_download", args=[schools_dispatch["letter"].pk, "html"])):
        assert client.get(url).status_code == 404, url
    assert schools_dispatch["other_plan"].title not in client.get(reverse("plans:plan_list")).content.decode()


def test_the_superior_office_sees_subordinate_plans_and_results(world, client):
    a = f.unit_assignment(world, with_file=True)
    client.force_login(world.superior)
    assert a.letter.plan.title in client.get(reverse("plans:plan_list")).content.decode()
    body = client.get(reverse("plans:assignment_detail", args=[a.pk])).content.decode()
    assert "已完成檢查。" in body
    assert client.get(reverse("plans:matrix", args=[a.letter_id])).status_code == 200
    # Reading is not answering.
    assert client.post(reverse("plans:assignment_detail", args=[a.pk]), {"result_text": "x"}).status_code == 404
