"""anwei import_meetings DIR --agency CODE [--dry-run]: a summary per file, nothing written on --dry-run."""

import io
import shutil

import pytest
from django.core.management import CommandError, call_command

from anwei.meetingimports.models import MeetingImport
from anwei.meetings.models import SecurityMeeting
from anwei.tracking.models import TrackedItem
from tests.meetingimports.conftest import seed_path


@pytest.fixture
def folder(tmp_path, world):
    world.bureau.code = "376550000A"
    world.bureau.save()
    for prefix, name in (("001", "108-2會議資料.txt"), ("002", "105會議紀錄.txt"), ("003", "春節計畫.txt")):
        shutil.copy(seed_path(prefix), tmp_path / name)
    (tmp_path / "損毀.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    (tmp_path / "說明.md").write_text("不是會議文件")  # not a document kind: not listed
    return tmp_path


def _run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_meetings", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_dry_run_reads_and_reports_each_file_and_writes_nothing(folder):
    out, err = _run(str(folder), "--agency", "376550000A", "--dry-run")
    lines = out.splitlines()
    assert len(lines) == 5  # four files and the total
    assert lines[0].startswith("！ 105會議紀錄.txt") and "第幾次" in lines[0]  # the minutes do not say 第N次
    assert lines[1].startswith("✓ 108-2會議資料.txt：108年第2次會議（會議資料）")
    assert lines[2].startswith("✗ 損毀.pdf") and "損毀" in lines[2]
    assert lines[3].startswith("✗ 春節計畫.txt") and "計畫" in lines[3]
    assert "未寫入任何資料" in lines[4]
    assert "4/4" in err and "[####" in err
    assert not MeetingImport.objects.exists() and not SecurityMeeting.objects.exists()


def test_import_creates_what_it_can_and_leaves_the_rest_for_review(folder, world):
    out, _ = _run(str(folder), "--agency", "376550000A", "--user", "officer")
    assert "已匯入 1、待確認 1、未匯入 2" in out
    assert SecurityMeeting.objects.get().label == "108年第2次"
    assert TrackedItem.objects.count() > 0
    assert MeetingImport.objects.filter(state=MeetingImport.State.REVIEW).count() == 1
    # again: the imported file and the one awaiting review are recognised and not duplicated
    out, _ = _run(str(folder), "--agency", "376550000A")
    assert out.count("已經匯入過") == 1 and out.count("已經上傳過") == 1
    assert SecurityMeeting.objects.count() == 1


def test_unknown_agency_or_folder(folder):
    with pytest.raises(CommandError, match="機關代碼"):
        _run(str(folder), "--agency", "999999999Z")
    with pytest.raises(CommandError, match="資料夾"):
        _run(str(folder / "nope"), "--agency", "376550000A")
