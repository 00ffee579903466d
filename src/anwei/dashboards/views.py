"""The agency head's dashboard and the superior office's dashboard (read only)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import content_disposition_header

from anwei.core import clock
from anwei.core.pagecache import page_render
from anwei.core.xlsx import xlsx_table
from anwei.dashboards import charts, selectors
from anwei.incidents.models import Category
from anwei.orgs.models import Agency

PAGE_SIZE = 25  # agencies per page of the table (the chart shows the worst of all of them)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _int(request, name: str) -> int | None:
    raw = request.GET.get(name, "")
    return int(raw) if raw.isdigit() else None


def _year(request) -> int:
    roc = _int(request, "year")
    return roc + 1911 if roc and 80 <= roc <= 200 else clock.today().year


@login_required
def agency(request):
    person = request.user
    target = selectors.board_agency(person=person, agency_id=_int(request, "agency"))

    def build() -> dict:
        board = selectors.agency_board(person=person, agency=target)
        return {"b": board, "charts": charts.agency_charts(board),
                "device_rate": round(100 * board.device_days / board.workdays) if board.workdays else 0}

    # The decisions awaited come from the obligations of data in the person's scopes, dated today: both are in
    # the page cache's key, so the page is reused until something the head could see changes.
    return page_render(request, "dashboards/agency.html", build)


def _superior(request):
    office, offices = selectors.board_office(person=request.user, office_id=_int(request, "office"))
    return selectors.superior_board(person=request.user, office=office, offices=offices, year=_year(request),
                                    kind=request.GET.get("kind", ""), sort=request.GET.get("sort", "worst"))


def _duty_cells(board, r, bases: tuple[str, str]) -> list[tuple[str, str, int]]:
    """The row's recurring-duty and self-assessment figures, each with the list behind it (the same filters as
    selectors.duties_url / assessments_url; the paths are reversed once per page, not once per cell)."""
    o, a, y = board.office.pk, r.agency.pk, board.roc_year
    return ([(f"duties-{s}", f"{bases[0]}?office={o}&agency={a}&state={s}", getattr(r, f"duties_{s}"))
             for s in selectors.DUTY_STATES]
            + [(f"assessments-{s}", f"{bases[1]}?office={o}&agency={a}&year={y}&state={s}",
                getattr(r, f"assessments_{s}")) for s in selectors.ASSESSMENT_STATES])


@login_required
def superior(request):
    selectors.board_office(person=request.user, office_id=_int(request, "office"))  # 404 before the cache

    def build() -> dict:
        board = _superior(request)
        page = Paginator(board.rows, PAGE_SIZE).get_page(request.GET.get("page"))
        selectors.rows_detail(person=request.user, board=board, rows=list(page.object_list))
        bases = (reverse("dashboards:superior_duties"), reverse("dashboards:superior_assessments"))
        query = request.GET.copy()
        query.pop("sort", None)
        query.pop("page", None)
        return {"b": board, "charts": charts.superior_charts(board), "kinds": Agency.Kind.choices,
                "sorts": [(k, v[1]) for k, v in selectors.SORTS.items()], "categories": Category.choices,
                "query": query.urlencode(), "totals": board.totals(),
                "page": page, "page_query": f"{query.urlencode()}&sort={board.sort}",
                "incidents_base": reverse("incidents:index"),
                "rows": [(r, _duty_cells(board, r, bases), [(v, r.incidents.get(v, 0)) for v, _ in Category.choices],
                          [r.counts.get(c.key, 0) for _, c in board.columns]) for r in page.object_list]}

    return page_render(request, "dashboards/superior.html", build)


@login_required
def superior_xlsx(request):
    board = _superior(request)
    selectors.rows_detail(person=request.user, board=board, rows=board.rows)
    headers, rows = charts.superior_table(board)
    data = xlsx_table(sheet="所屬機關儀表板", columns=headers, rows=rows,
                      title_rows=[[f"{board.office.name}所屬機關 {board.roc_year}年"]])
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = content_disposition_header(True, f"所屬機關儀表板{board.roc_year}年.xlsx")
    return response


@login_required
def agency_xlsx(request):
    person = request.user
    target = selectors.board_agency(person=person, agency_id=_int(request, "agency"))
    b = selectors.agency_board(person=person, agency=target)
    rows = [["各單位列管中事項", r.unit.name, r.open, r.overdue] for r in b.units]
    rows += [["列管時間", label, n, ""] for label, n in b.ages]
    rows += [["會議列管趨勢", t["name"], f"新列管{t['opened']}", f"解除{t['released']}、繼續{t['carried']}"] for t in b.trend]
    rows += [[f"{b.roc_year}年狀況通報", label, n, ""] for _, label, n in b.incidents]
    data = xlsx_table(sheet="機關儀表板", columns=[("項目", 18), ("分類", 24), ("件數", 12), ("逾期／其他", 20)],
                      rows=rows, title_rows=[[f"{b.agency.name} {b.roc_year}年"]])
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = content_disposition_header(True, f"機關儀表板{b.roc_year}年.xlsx")
    return response


LIST_SIZE = 100


def _list_page(request, template: str, lines: list, states: dict, office, **context):
    query = request.GET.copy()
    query.pop("page", None)
    page = Paginator(lines, LIST_SIZE).get_page(request.GET.get("page"))
    return render(request, template, {"page": page, "query": query.urlencode(), "states": states.items(),
                                      "office": office, "state": request.GET.get("state", ""), **context})


@login_required
def superior_duties(request):
    """Each subordinate agency's recurring duties (定期工作), done, due or overdue; one agency with ?agency=."""
    office, _ = selectors.board_office(person=request.user, office_id=_int(request, "office"))
    state = request.GET.get("state", "")
    lines = selectors.subordinate_duties(office=office, agency_id=_int(request, "agency"),
                                         state=state if state in selectors.DUTY_STATES else "")
    return _list_page(request, "dashboards/superior_duties.html", lines, selectors.DUTY_STATES, office,
                      agency_id=_int(request, "agency"))


@login_required
def superior_assessments(request):
    """This year's self-assessments of the subordinate agencies (or one), sent, not yet sent or late."""
    office, _ = selectors.board_office(person=request.user, office_id=_int(request, "office"))
    state, year = request.GET.get("state", ""), _year(request)
    lines = selectors.subordinate_assessments(office=office, year=year, agency_id=_int(request, "agency"),
                                              state=state if state in selectors.ASSESSMENT_STATES else "")
    return _list_page(request, "dashboards/superior_assessments.html", lines, selectors.ASSESSMENT_STATES, office,
                      agency_id=_int(request, "agency"), roc_year=year - 1911)
