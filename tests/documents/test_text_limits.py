"""Document text has a maximum length; too long gets a Chinese message next to the field."""

from anwei.documents import limits
from anwei.meetings.forms import ProposalForm, ReportForm
from anwei.tracking.forms import ProgressReportForm


def test_progress_report_too_long_is_refused_with_a_chinese_message():
    form = ProgressReportForm(data={"text": "字" * (limits.PROGRESS + 1), "version": 1})
    assert not form.is_valid()
    message = form.errors["text"][0]
    assert "「執行情形」最多 10,000 字" in message and f"目前 {limits.PROGRESS + 1} 字" in message
    assert ProgressReportForm(data={"text": "字" * limits.PROGRESS, "version": 1}).is_valid()
    assert 'maxlength="10000"' in str(ProgressReportForm()["text"])  # the browser stops there too


def test_report_and_proposal_limits():
    report = ReportForm(data={"rep-kind": "work", "rep-title": "工作報告", "rep-body": "字" * (limits.REPORT + 1)})
    assert not report.is_valid() and "「內容」最多 50,000 字" in report.errors["body"][0]
    proposal = ProposalForm(data={"prop-kind": "regular", "prop-subject": "字" * (limits.TITLE + 1),
                                  "prop-explanation": "字" * (limits.SECTION + 1)})
    assert not proposal.is_valid()
    assert "「案由」最多 300 字" in proposal.errors["subject"][0]
    assert "「說明」最多 20,000 字" in proposal.errors["explanation"][0]
