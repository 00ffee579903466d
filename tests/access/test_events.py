"""Door-event import: column mapping, UTF-8 and Big5 (even mixed), bad rows by line number with the
good ones kept, the same file twice refused and the same events never added twice; flags and review."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from anwei.access import services
from anwei.access.models import DoorEvent, Review
from anwei.tracking.models import TrackedItem
from tests.access.factories import badge, csv_import, door

HEAD = "時間,門號,卡號,結果\n"


def test_flags_lost_unknown_and_repeated_failures(world):
    door(world)
    lost = badge(world, "A1")
    services.badge_status_set(actor=world.liaison, badge=lost, expected_version=lost.version, action="lost",
                              on=dt.date(2024, 3, 1))
    log = csv_import(world, HEAD + "2024/03/05 09:00:00,D31,A1,通過\n"
                                      "2024/03/05 09:01:00,D31,ZZ,通過\n"
                                      "2024/03/05 09:02:00,D31,A1,失敗\n2024/03/05 09:03:00,D31,A1,失敗\n"
                                      "2024/03/05 09:04:00,D31,A1,失敗\n")
    flags = [set(e.flags.split(",")) - {""} for e in log.events.order_by("line")]
    assert flags[0] == {"lost"} and flags[1] == {"unknown"} and "failures" in flags[4] and "failures" not in flags[3]
    assert log.flagged == 5 and log.added == 5


def test_big5_and_mixed_encodings_and_bad_rows_by_line(world):
    door(world)
    big5 = (HEAD + "2024/03/05 20:00:00,D31,A1,通過\n").encode("cp950")
    mixed = big5 + "2024/03/05 20:01:00,D31,A2,通過\n".encode("utf-8") + b"\xff\xfe\xfa\n" + \
        "壞時間,D31,A3,通過\n2024/03/05 20:02:00,D31\n".encode("utf-8")
    log = csv_import(world, mixed)
    assert log.added == 2 and "cp950" in log.encoding and "utf-8" in log.encoding
    bad = log.bad_lines.splitlines()
    assert bad[0].startswith("第4列") and bad[1].startswith("第5列") and bad[2].startswith("第6列")


def test_same_file_twice_and_same_events_in_another_file(world):
    door(world)
    text = HEAD + "2024/03/05 09:00:00,D31,A1,通過\n"
    csv_import(world, text)
    with pytest.raises(ValidationError) as exc:
        csv_import(world, text)
    assert "未重複匯入" in exc.value.message_dict["file"][0]
    again = csv_import(world, text + "2024/03/05 09:05:00,D31,A1,通過\n")
    assert again.added == 1 and DoorEvent.objects.count() == 2


def test_unknown_columns_get_a_clear_message_and_roc_times_are_read(world):
    with pytest.raises(ValidationError) as exc:
        csv_import(world, "Time,Door,Card\n2024/03/05 09:00:00,D31,A1\n")
    assert "沒有欄位" in exc.value.message_dict["file"][0] and "Time" in exc.value.message_dict["file"][0]
    m = services.mapping_save(actor=world.officer, agency=world.bureau, expected_version=0, time_column="Time",
                              door_column="Door", badge_column="Card", result_column="", granted_values="OK")
    assert m.pk
    log = csv_import(world, "Time,Door,Card\n113/03/05 09:00:00,D31,A1\n")
    assert log.added == 1
    assert log.events.get().at.year == 2024


def test_flag_explained_or_turned_into_a_deficiency(world, as_):
    door(world)
    csv_import(world, HEAD + "2024/03/05 22:00:00,D31,A1,通過\n2024/03/05 23:00:00,D31,A2,通過\n")
    first, second = DoorEvent.objects.order_by("line")
    assert first.review == Review.PENDING
    services.event_explain(actor=world.officer, event=first, explanation="資訊人員緊急維修，已事先通知")
    item = services.event_deficiency(actor=world.liaison, event=second, text="夜間未登記進入機房",
                                     lead_unit=world.units["秘書室"], due_date=None)
    second.refresh_from_db()
    assert second.review == Review.DEFICIENCY and second.tracked_item == item
    assert item.source == second and TrackedItem.objects.filter(pk=item.pk, lead_unit=world.units["秘書室"]).exists()
    with pytest.raises(ValidationError):
        services.event_explain(actor=world.officer, event=second, explanation="x")


def test_import_through_the_page(world, as_):
    door(world)
    upload = SimpleUploadedFile("log.csv", (HEAD + "2024/03/05 22:00:00,D31,A1,通過\n").encode("cp950"))
    response = as_(world.liaison).post("/access/events/import/", {"file": upload})
    assert response.status_code == 302
    page = as_(world.liaison).get("/access/events/").content.decode()
    assert "開放時間外進入" in page
    bad = SimpleUploadedFile("bad.csv", "a,b\n1,2\n".encode())
    response = as_(world.liaison).post("/access/events/import/", {"file": bad})
    assert response.status_code == 400 and "沒有欄位" in response.content.decode()


def test_a_large_file_goes_to_the_background_worker(world, settings):
    from anwei.access.doorlogs import door_log_upload
    from anwei.access.models import DoorLog
    from tests.access.factories import setup

    door(world)
    data = (HEAD + "".join(f"2024/03/05 09:{m:02d}:00,D31,A{m},通過\n" for m in range(30))).encode()
    log = door_log_upload(actor=world.officer, settings=setup(world), upload=[data], filename="big.csv",
                          digest="x" * 64, size=len(data), background=True)
    log.refresh_from_db()
    # Tests run tasks at once (ANWEI_TASKS_IMMEDIATE); on a server the worker reads it, batch by batch.
    assert log.status in (DoorLog.Status.QUEUED, DoorLog.Status.DONE)
    if log.status == DoorLog.Status.QUEUED:
        from anwei.access.tasks import door_log_task

        door_log_task.call(log.pk)
        log.refresh_from_db()
    assert log.status == DoorLog.Status.DONE and log.rows == 30 and log.added == 30


def test_batches_commit_on_their_own_and_a_resumed_file_adds_nothing_twice(world):
    from anwei.access.tasks import door_log_run
    from tests.access.factories import setup

    door(world)
    data = (HEAD + "".join(f"2024/03/05 10:{m:02d}:00,D31,B{m},通過\n" for m in range(25))).encode()
    log = services.door_log_start(actor=world.officer, settings=setup(world), upload=[data], filename="a.csv",
                                  digest="y" * 64)
    log = door_log_run(log, batch_size=10)
    assert log.added == 25 and log.rows == 25
    assert log.agency.pk == world.bureau.pk
