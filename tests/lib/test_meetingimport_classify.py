"""Which kind of document: packets and minutes are imported; a special security plan (seed 003)
and an official letter (seed 004) are refused with a Chinese message, though both speak of
安全維護 and one even of 召開安全維護會報."""

import pytest

from anwei.lib.meetingimport import NotAMeetingDocument, classify_document, parse_meeting
from tests.lib.meeting_expected import SEED_000, SEED_001, SEED_002


@pytest.mark.parametrize("name,kind", [(SEED_000, "packet"), (SEED_001, "packet"), (SEED_002, "minutes")])
def test_meeting_documents_are_recognised(seed_text, name, kind):
    assert classify_document(seed_text(name)).kind == kind


@pytest.mark.parametrize("name,kind,said", [
    ("003_9e2dca3de0d9954e.txt", "plan", "專案安全維護計畫"),
    ("004_7274a88dd80a289e.txt", "letter", "公文（函）"),
])
def test_a_plan_and_a_letter_are_not_meeting_documents(seed_text, name, kind, said):
    with pytest.raises(NotAMeetingDocument) as exc:
        parse_meeting(seed_text(name))
    assert exc.value.classification.kind == kind
    message = str(exc.value)
    assert said in message and "不是安全維護會報的會議資料或會議紀錄" in message


@pytest.mark.parametrize("text", ["", "\n\n", "會議紀錄\n時間：今天", "hello world\n" * 50, "安全維護會報"])
def test_other_text_is_refused_as_unknown(text):
    with pytest.raises(NotAMeetingDocument) as exc:
        parse_meeting(text)
    assert exc.value.classification.kind == "unknown"
    assert "無法辨識的文件" in str(exc.value)
