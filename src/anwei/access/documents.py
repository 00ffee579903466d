"""The agency's 門禁管理計畫 (門禁管制規定), written from the data: areas and their hours, who issues badges,
the visitor procedure, after-hours rules and the yearly review, in official numbering 壹、一、（一）.

Builders take JSON-serialisable ids; the calling view has already checked permission."""

from __future__ import annotations

import datetime as dt

from anwei.access.models import AccessSettings, AfterHours, Area, BadgeKind, VisitorRetention
from anwei.core import clock
from anwei.documents.model import Cell, Document, Numbered, Paragraph, Table, Title
from anwei.lib import rocdate


def _t(value: dt.time | None) -> str:
    return f"{value:%H:%M}" if value else ""


def _window(open_: dt.time | None, close: dt.time | None, fallback: str) -> str:
    return f"{_t(open_)}至{_t(close)}" if open_ and close else fallback


def plan_document(*, agency_id: int, on: str | None = None) -> Document:
    day = dt.date.fromisoformat(on) if on else clock.today()
    settings = AccessSettings.objects.select_related("agency", "managing_unit", "desk_unit").get(agency_id=agency_id)
    agency = settings.agency
    areas = list(Area.objects.filter(agency=agency, is_active=True).prefetch_related("doors", "hours")
                 .order_by("-level", "name"))
    keeper = settings.managing_unit.name
    desk = settings.desk_unit.name if settings.desk_unit_id else keeper
    retention = (VisitorRetention.objects.filter(agency__in=[agency.pk], starts_on__lte=day).order_by("-starts_on").first()
                 or VisitorRetention.objects.filter(agency__isnull=True, starts_on__lte=day).order_by("-starts_on").first())
    doc = Document(title=f"{agency.name}門禁管理計畫")
    doc.add(Title([agency.name, "門禁管理計畫"]),
            Paragraph(f"中華民國{rocdate.format_short(day)}訂定", align="right"))
    sections = ["依據", "目的", "管制區域及開放時間", "門禁卡之核發及管理", "訪客管理", "開放時間外進出", "門禁紀錄審查及年度清查",
                "附則"]
    doc.add(Numbered(1, 1, sections[0]),
            Paragraph("依本機關安全維護會報決議及相關機關安全維護規定辦理。", indent=2))
    doc.add(Numbered(1, 2, sections[1]),
            Paragraph("為維護本機關人員、財產及公務機密之安全，落實出入管制，特訂定本計畫。", indent=2))

    doc.add(Numbered(1, 3, sections[2]),
            Numbered(2, 1, f"本機關管制區域由{keeper}負責管理，各區域之管制等級及開放時間如下表；"
                           "上班日、放假日及補行上班日依行政院人事行政總處公布之政府行政機關辦公日曆認定，"
                           "因天然災害停止上班之日視同放假日。"))
    rows = []
    for i, a in enumerate(areas, start=1):
        hours = next((h for h in sorted(a.hours.all(), key=lambda h: h.starts_on, reverse=True) if h.starts_on <= day),
                     None)
        doors = "、".join(d.name for d in a.doors.all())
        if hours is None:
            times = ["未訂定"] * 3
            after = ""
        else:
            work = _window(hours.workday_open, hours.workday_close, "")
            times = [work, _window(hours.makeup_open, hours.makeup_close, work),
                     _window(hours.dayoff_open, hours.dayoff_close, "不開放")]
            after = hours.get_after_hours_display() + (f"；{hours.after_hours_note}" if hours.after_hours_note else "")
        rows.append([Cell(str(i), align="center"), Cell(a.name), Cell(a.get_level_display()), Cell(doors),
                     *[Cell(t, align="center") for t in times], Cell(after)])
    doc.add(Table(header=[[Cell(t, bold=True, align="center") for t in
                           ("項次", "區域", "管制等級", "出入口", "上班日", "補行上班日", "放假日", "開放時間外")]],
                  rows=rows or [[Cell("尚未登錄管制區域。", colspan=8)]], widths=[0.6, 2, 1.4, 2, 1.4, 1.4, 1.4, 2.4]))

    doc.add(Numbered(1, 4, sections[3]),
            Numbered(2, 1, f"門禁卡由{keeper}核發、登記及管理，依持卡人職務需要授權進入之區域。"),
            Numbered(2, 2, "門禁卡分為" + "、".join(label for _, label in BadgeKind.choices)
                     + "；委外廠商卡及臨時通行證應載明有效期限，期滿應即繳回。"),
            Numbered(2, 3, "同仁離職、調職或職務異動時，應繳回門禁卡或重新申請授權。"),
            Numbered(2, 4, "門禁卡遺失應立即通知" + keeper + "停用；補發者"
                     + (f"應繳納工本費新臺幣{settings.replacement_fee}元。" if settings.replacement_fee else "免收工本費。")))
    keep = f"{retention.days}日" if retention else "一年"
    doc.add(Numbered(1, 5, sections[4]),
            Numbered(2, 1, f"訪客應於{desk}登記姓名、服務單位、受訪人及事由，經受訪人確認後，換發臨時通行證。"),
            Numbered(2, 2, "換證時僅登記證件種類及號碼末四碼，不留存其他個人資料。"),
            Numbered(2, 3, "會議來賓得由承辦人預先登記，來訪時由服務台核對後進入。"),
            Numbered(2, 4, f"每日{settings.closing_time:%H時%M分}清點尚未離開之訪客，並通知受訪人。"),
            Numbered(2, 5, f"訪客登記資料保存{keep}，期滿由系統銷毀。"))
    doc.add(Numbered(1, 6, sections[5]),
            Numbered(2, 1, "開放時間外進入管制區域者，依各區域規定辦理：" + "；".join(
                f"{label}" for value, label in AfterHours.choices if any(
                    h.after_hours == value for a in areas for h in a.hours.all())) + "。"),
            Numbered(2, 2, "下班時間及假日加班時，應注意門禁管制，離開時確實關閉門窗並上鎖。"))
    doc.add(Numbered(1, 7, sections[6]),
            Numbered(2, 1, f"{keeper}及政風單位定期匯入門禁系統紀錄，審查開放時間外進入、遺失或停用卡及連續刷卡失敗等情形；"
                           "有缺失者列管改善。"),
            Numbered(2, 2, f"每年{settings.review_month}月由各單位主管清查所屬人員之門禁卡及授權區域並確認。"))
    doc.add(Numbered(1, 8, sections[7]),
            Paragraph("本計畫經機關首長核定後實施，修正時亦同。", indent=2))
    return doc
