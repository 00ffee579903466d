"""上級政風機構總覽: a superior ethics officer's view of the subordinate agencies."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required

from anwei.core import clock
from anwei.core.pagecache import page_render
from anwei.rollup.selectors import rollup_office, rollup_page


@login_required
def overview(request):
    try:
        office_id = int(request.GET["office"]) if request.GET.get("office") else None
    except ValueError:
        office_id = None
    office, offices = rollup_office(person=request.user, office_id=office_id)
    return page_render(request, "rollup/overview.html", lambda: {
        "office": office, "offices": offices, "page": rollup_page(office=office, page=request.GET.get("page")),
        "today": clock.today(), "query": f"office={office.pk}" if len(offices) > 1 else ""})
