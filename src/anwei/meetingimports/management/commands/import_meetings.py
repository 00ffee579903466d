"""anwei import_meetings DIR --agency CODE [--dry-run]: a folder of past packets and minutes in one go.

Each file is read and imported on its own (one transaction per document): a file that cannot be read, a
plan or a letter, a file already imported or a meeting already in 安維 is reported and skipped; a file
whose draft needs the officer (an unknown unit name, a missing 第N次) stays in the web list for review.
With --dry-run nothing is written: each file is only read and checked.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from anwei.meetingimports import services
from anwei.meetingimports.models import MeetingImport
from anwei.meetingimports.reading import import_file
from anwei.meetingimports.selectors import confirm_problems, document_parse, meeting_import_duplicate
from anwei.meetingimports.values import draft_values, summary
from anwei.orgs.models import Agency, Person

SUFFIXES = {".docx", ".odt", ".pdf", ".txt"}
BAR = 24


def _flat(problems: dict[str, list[str]]) -> str:
    return "；".join(dict.fromkeys(m.rstrip("。") for ms in problems.values() for m in ms)) + "。"


class Command(BaseCommand):
    help = "匯入資料夾內過去的安全維護會報會議資料與會議紀錄（DOCX、ODT、PDF、TXT）；--dry-run 只讀取與檢查，不寫入"

    def add_arguments(self, parser):
        parser.add_argument("directory", help="放會議文件的資料夾")
        parser.add_argument("--agency", required=True, help="機關代碼（例如 376550000A）")
        parser.add_argument("--dry-run", action="store_true", help="只讀取並檢查每個檔案，不寫入任何資料")
        parser.add_argument("--user", default="", help="記在稽核紀錄上的帳號（預設：系統）")

    def handle(self, *args, directory: str, agency: str, dry_run=False, user="", **opts):
        folder = Path(directory)
        if not folder.is_dir():
            raise CommandError(f"找不到資料夾「{directory}」。")
        found = Agency.objects.filter(code=agency).first()
        if found is None:
            raise CommandError(f"找不到機關代碼為「{agency}」的機關。")
        actor = None
        if user:
            actor = Person.objects.filter(username=user).first()
            if actor is None:
                raise CommandError(f"找不到帳號「{user}」。")
        files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES)
        if not files:
            raise CommandError(f"「{directory}」裡沒有 DOCX、ODT、PDF 或 TXT 檔案。")
        counts = {"ok": 0, "review": 0, "skip": 0}
        for n, path in enumerate(files, start=1):
            self._bar(n - 1, len(files), path.name)
            outcome, line = (self._check if dry_run else self._import)(found, actor, path)
            counts[outcome] += 1
            self._bar(n, len(files), path.name)
            self.stderr.write("")
            mark = {"ok": "✓", "review": "！", "skip": "✗"}[outcome]
            self.stdout.write(f"{mark} {path.name}：{line}")
        verb = "可匯入" if dry_run else "已匯入"
        self.stdout.write(f"共 {len(files)} 個檔案：{verb} {counts['ok']}、待確認 {counts['review']}、"
                          f"未匯入 {counts['skip']}。" + ("（--dry-run：未寫入任何資料）" if dry_run else ""))

    def _bar(self, done: int, total: int, name: str) -> None:
        filled = BAR * done // total
        self.stderr.write(f"\r[{'#' * filled}{'.' * (BAR - filled)}] {done}/{total} {name[:40]}", ending="")
        self.stderr.flush()

    def _check(self, agency, actor, path: Path) -> tuple[str, str]:
        data = path.read_bytes()
        dup = meeting_import_duplicate(agency=agency, sha256=hashlib.sha256(data).hexdigest())
        if dup is not None:
            return "skip", f"已匯入或已上傳過（{dup.filename}），略過。"
        parsed = document_parse(data, path.name)
        if parsed.error:
            return "skip", parsed.error
        values = draft_values(parsed.draft.as_dict())
        problems = confirm_problems(agency=agency, values=values)
        if problems:
            return "review", f"{summary(values)}。需在網頁上核對：{_flat(problems)}"
        return "ok", summary(values)

    def _import(self, agency, actor, path: Path) -> tuple[str, str]:
        upload = SimpleUploadedFile(path.name, path.read_bytes())
        try:
            imp = import_file(actor=actor, agency=agency, upload=upload, background=False)
        except ValidationError as exc:
            return "skip", "；".join(exc.messages)
        imp.refresh_from_db()
        if imp.state == MeetingImport.State.FAILED:
            return "skip", imp.error
        values = draft_values(imp.draft)
        try:
            meeting = services.meeting_import_confirm(actor=actor, imp=imp, expected_version=imp.version,
                                                      values=values)
        except ValidationError as exc:
            problems = exc.message_dict if hasattr(exc, "error_dict") else {"": exc.messages}
            where = reverse("meetingimports:detail", args=[imp.pk])
            return "review", f"{summary(values)}。請到 {where} 核對後確認：{_flat(problems)}"
        return "ok", f"已建立 {summary(values)}（會議編號 {meeting.pk}）"
