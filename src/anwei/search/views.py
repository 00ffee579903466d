from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from anwei.search import selectors
from anwei.search.forms import SearchForm


@login_required
def results(request):
    """The result page: a GET form, so it works without JavaScript; htmx swaps only the results."""
    person = request.user
    kinds = selectors.kinds_for(person)
    agencies = selectors.agencies_for(person)
    form = SearchForm(request.GET or None, kinds=kinds, agencies=agencies,
                      units=selectors.units_for(person, _unit_agencies(request, agencies)))
    result = None
    if form.is_bound and form.is_valid() and form.cleaned_data["q"].strip():
        c = form.cleaned_data
        filters = selectors.Filters(kind=c["kind"], year=c["year"], date_from=c["date_from"],
                                    date_to=c["date_to"], agency_id=c["agency"], unit_id=c["unit"],
                                    status=c["status"])
        result = selectors.search(person, c["q"], filters, request.GET.get("page", 1))
    params = request.GET.copy()
    params.pop("page", None)
    context = {"form": form, "result": result, "query": params.urlencode(), "several_agencies": len(agencies) > 1}
    template = "search/_results.html" if getattr(request, "htmx", False) and request.htmx.target == "search-results" \
        else "search/results.html"
    return render(request, template, context)


def _unit_agencies(request, agencies) -> list[int]:
    """Whose units the unit filter offers: the one agency searched, or the agency chosen in the filter. A county
    office's whole subtree would be thousands of options; it picks an agency first."""
    if len(agencies) == 1:
        return [agencies[0].pk]
    chosen = request.GET.get("agency", "")
    return [a.pk for a in agencies if str(a.pk) == chosen]
