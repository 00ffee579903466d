from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from anwei.core import clock
from anwei.core.pagecache import page_render
from anwei.orgs.selectors import person_primary_agency
from anwei.portal.history import history_rows
from anwei.portal.obligations import obligations_for, vacancies
from anwei.portal.selectors import audit_history


def _home(person) -> dict:
    items = obligations_for(person)
    return {"items": items, "vacancies": vacancies(items), "agency": person_primary_agency(person),
            "today": clock.today()}


@login_required
def home(request):
    return page_render(request, "portal/home.html", lambda: _home(request.user))


@login_required
def audit_object(request, object_type: str, object_id: str):
    entries = audit_history(person=request.user, object_type=object_type, object_id=object_id)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    if not page.object_list:
        raise Http404("沒有可檢視的異動紀錄")
    return render(request, "portal/audit_object.html", {
        "page": page, "rows": history_rows(page.object_list), "label": page.object_list[0].object_label,
        "raw": request.user.is_superuser})
