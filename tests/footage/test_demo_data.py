import pytest
from django.core.management import call_command

from anwei.footage.inbox import footage_inbox
from anwei.footage.models import Device, FootageRequest
from anwei.orgs.models import Person


@pytest.mark.django_db
def test_demo_has_the_bureaus_16_cameras_a_chain_and_requests_in_two_states():
    call_command("demo")
    cameras = Device.objects.filter(kind="camera", site__agency__name="海港市政府水利局")
    assert cameras.count() == 16 and cameras.values("location").distinct().count() == 16
    assert set(FootageRequest.objects.values_list("status", flat=True)) == {"completed", "pending"}
    officer = Person.objects.get(username="officer")
    assert [i.title for i in footage_inbox(officer)] == [
        f"{FootageRequest.objects.get(status='pending').number_label} 局內調閱複製申請"]
