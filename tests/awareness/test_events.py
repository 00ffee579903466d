"""Awareness events: validation in Chinese next to the fields, topics per agency, edits with the version,
materials, and the case library published by a superior office."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from anwei.awareness import selectors, services
from anwei.awareness.models import Event, Topic
from anwei.core.audit import AuditEntry
from anwei.core.forms import ConflictError
from tests.awareness import factories as f

pytestmark = pytest.mark.django_db


def test_end_before_start_and_negative_audience_are_refused_next_to_the_fields(world, as_):
    c = as_(world.officer)
    response = c.post(reverse("awareness:event_create"), {
        "title": "公務機密維護講習", "topic": f.topic("公務機密維護").pk, "form": "training",
        "start_date": "115/3/10", "end_date": "115/3/9", "audience_count": "-5"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "迄日不得早於起日。" in page and "人數不得為負數。" in page
    assert not Event.objects.exists()
    with pytest.raises(ValidationError) as exc:
        f.event(world, count=-1)
    assert exc.value.message_dict == {"audience_count": ["人數不得為負數。"]}


def test_record_an_event_with_material_and_audience(world, as_):
    c = as_(world.officer)
    upload = SimpleUploadedFile("講義.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    response = c.post(reverse("awareness:event_create"), {
        "title": "資通安全講習", "topic": f.topic().pk, "form": "training", "start_date": "115/3/10",
        "end_date": "115/3/11", "audience_count": "42", "speaker": "測試講座",
        "audience_units": [world.units["秘書室"].pk], "file": upload})
    assert response.status_code == 302
    event = Event.objects.get()
    assert (event.start_date, event.end_date, event.audience_count) == (dt.date(2026, 3, 10), dt.date(2026, 3, 11), 42)
    assert list(event.audience_units.all()) == [world.units["秘書室"]]
    assert c.get(reverse("awareness:event_file", args=[event.pk, event.materials.get().pk])).status_code == 200
    assert AuditEntry.objects.filter(action="awareness.event_create").count() == 1
    assert "資通安全講習" in c.get(reverse("awareness:event_list")).content.decode()


def test_a_stale_edit_is_refused_and_an_event_can_be_deleted(world, as_):
    event = f.event(world)
    services.event_update(actor=world.officer, event=event, expected_version=event.version, title="改名講習",
                          audience_count=50)
    with pytest.raises(ConflictError):
        services.event_update(actor=world.officer, event=event, expected_version=1, title="舊版")
    c = as_(world.officer)
    response = c.post(reverse("awareness:event_edit", args=[event.pk]), {
        "version": 1, "title": "舊畫面", "topic": f.topic().pk, "form": "training", "start_date": "115/3/10"})
    assert response.status_code == 409 and "此筆資料已被其他人修改" in response.content.decode()
    c.post(reverse("awareness:event_delete", args=[event.pk]), {"confirmed": "1"})
    assert not Event.objects.exists()


def test_an_agency_extends_the_topics(world, as_):
    c = as_(world.officer)
    c.post(reverse("awareness:topic_add"), {"name": "個資保護"})
    assert Topic.objects.filter(agency=world.bureau, name="個資保護").exists()
    assert [t.name for t in selectors.topics_for(agency=world.bureau)][-2:] == ["個資保護", "其他"]
    assert "個資保護" not in [t.name for t in selectors.topics_for(agency=world.county)]
    with pytest.raises(ValidationError):
        services.topic_add(actor=world.officer, agency=world.bureau, name="資通安全")  # already common


def test_a_superior_office_publishes_cases_to_its_subordinates(world, as_):
    private = f.case(world, agency=world.city, actor=world.superior)
    published = f.case(world, agency=world.city, actor=world.superior, published=True)
    library = set(selectors.case_list(person=world.officer))
    assert published in library and private not in library
    assert published not in set(selectors.case_list(person=world.other_officer))
    page = as_(world.officer).get(reverse("awareness:case_detail", args=[published.pk])).content.decode()
    assert "【實際案例】" in page and "【問題解析】" in page and "【防範措施】" in page and "<form" not in page.split("case-text")[1]
    # The bureau may reuse it in an event; a case of another county may not be reused.
    event = f.event(world, cases=[published])
    assert list(event.cases.all()) == [published]
    foreign = f.case(world, agency=world.county, actor=world.other_officer, published=True)
    with pytest.raises(ValidationError):
        f.event(world, cases=[foreign])
    services.case_update(actor=world.superior, case=private, expected_version=private.version, published=True)
    assert private in set(selectors.case_list(person=world.officer))


def test_case_text_in_the_seeds_shape(world):
    case = f.case(world)
    assert case.full_text().split("\n")[0] == "【實際案例】"
    assert case.full_text().endswith("（資料來源：測試廉政單位）")


def test_an_event_links_to_where_it_came_from(world, as_):
    from tests.tracking.conftest import make_item

    item = make_item(world, text="請加強同仁赴陸風險宣導。")
    c = as_(world.officer)
    form = c.get(reverse("awareness:event_create")).content.decode()
    assert "請加強同仁赴陸風險宣導" in form
    c.post(reverse("awareness:event_create"), {
        "title": "赴陸規定宣導", "topic": f.topic("赴陸規定").pk, "form": "meeting", "start_date": "115/3/10",
        "origin": item.pk})
    event = Event.objects.get()
    assert event.origin == item and event.origin_label == str(item)
    assert str(item) in c.get(reverse("awareness:event_edit", args=[event.pk])).content.decode()


def test_the_list_filters_by_period_and_says_when_it_is_wrong(world, as_):
    f.event(world, day=dt.date(2026, 3, 10), title="三月講習")
    f.event(world, day=dt.date(2026, 5, 10), title="五月講習")
    c = as_(world.officer)
    page = c.get(reverse("awareness:event_list"), {"start": "115/3/1", "end": "115/3/31"}).content.decode()
    assert "三月講習" in page and "五月講習" not in page
    bad = c.get(reverse("awareness:event_list"), {"start": "115/3/31", "end": "115/3/1"}).content.decode()
    assert "期間迄日不得早於起日。" in bad


def test_the_default_topics_come_back_on_an_emptied_database(db):
    Topic.objects.all().delete()
    assert services.topics_seed_defaults() == 6
    assert services.topics_seed_defaults() == 0
    assert [t.name for t in Topic.objects.filter(agency=None)] == services.DEFAULT_TOPICS
