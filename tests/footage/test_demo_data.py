import pytest
from django.core.management import call_command

from anwei.footage.obligations import footage_owed as footage_inbox
from anwei.footage.models import Device, FootageRequest
from anwei.orgs.models import Person


@pytest.mark.django_db
def test_demo_has_the_bureaus_16_cameras_a_chain_and_requests_in_two_states():
    call_command("demo")
    cameras = Device.objects.filter(kind="camera", site__agency__name="海港市政府水利局")
    assert cameras.count() == 16 and cameras.values("location").distinct().count() == 16
    assert set(FootageRequest.objects.values_list("status", flat=True)) == {"completed", "pending"}
    officer = Person.objects.get(username="officer")
    waiting = FootageRequest.objects.filter(status="pending").order_by("number_serial")
    assert sorted(i.title for i in footage_inbox(officer)) == [
        f"{waiting[0].number_label} 局內調閱複製申請", f"{waiting[1].number_label} 局內調閱調閱申請"]
    # 綜合企劃科 has no unit head: its request waits on the ethics unit, and the vacancy is flagged.
    vacant = next(i for i in footage_inbox(officer) if i.vacancy)
    assert vacant.vacancy == "綜合企劃科單位主管出缺" and "由您代為核決" in vacant.note
