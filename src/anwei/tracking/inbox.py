"""Home inbox providers of the tracking engine (a fixed number of queries each)."""

from __future__ import annotations

from django.db.models import Count, Max, Min, Q
from django.urls import reverse
from django.utils import timezone

from anwei.portal.inbox import InboxItem
from anwei.orgs import policy
from anwei.orgs.models import Person
from anwei.tracking.models import ProgressReport, ProgressRound, TrackedItem
from anwei.tracking.selectors import my_unit_ids

CATEGORY = "列管事項"
LATE = Q(status=ProgressReport.Status.PENDING) | Q(status=ProgressReport.Status.RETURNED)


def liaison_items(person: Person) -> list[InboxItem]:
    """My units' items awaiting progress in each open round (one query)."""
    units = my_unit_ids(person)
    if not units:
        return []
    today = timezone.localdate()
    rows = (ProgressReport.objects.filter(LATE, unit_id__in=units, round__closed_at__isnull=True)
            .values("round_id", "round__title", "round__deadline", "unit__name")
            .annotate(n=Count("pk"), returned=Count("pk", filter=Q(status=ProgressReport.Status.RETURNED)),
                      reminded=Max("reminded_at")).order_by("round__deadline"))
    url = reverse("tracking:my_items")
    return [InboxItem(category=CATEGORY, title=f"{r['unit__name']}有{r['n']}項列管事項待填報執行情形（{r['round__title']}）",
                      url=url, due=r["round__deadline"], overdue=r["round__deadline"] < today,
                      note="；".join(filter(None, [f"{r['returned']}項退回補正" if r["returned"] else "",
                                                  "政風室已催報" if r["reminded"] else ""])))
            for r in rows]


def officer_items(person: Person) -> list[InboxItem]:
    """Per open round of the agencies I manage: units not yet reported, release proposals (one query)."""
    agencies = policy.scope(person, "tracking.manage").agency_ids
    if not agencies:
        return []
    today = timezone.localdate()
    rounds = (ProgressRound.objects.filter(agency__in=agencies, closed_at__isnull=True)
              .annotate(late_units=Count("reports__unit", distinct=True, filter=Q(
                  reports__status__in=[ProgressReport.Status.PENDING, ProgressReport.Status.RETURNED],
                  reports__unit__isnull=False)),
                        proposals=Count("reports", filter=Q(reports__propose_release=True,
                                                            reports__status=ProgressReport.Status.SUBMITTED))))
    out = []
    for rnd in rounds:
        url = reverse("tracking:round_detail", kwargs={"pk": rnd.pk})
        if rnd.late_units:
            out.append(InboxItem(category=CATEGORY, title=f"{rnd.title}：{rnd.late_units}個單位尚未完成填報", url=url,
                                 due=rnd.deadline, overdue=rnd.deadline < today))
        if rnd.proposals:
            out.append(InboxItem(category=CATEGORY, title=f"{rnd.title}：{rnd.proposals}件建議解除列管待會議決定",
                                 url=url))
    return out


def head_items(person: Person) -> list[InboxItem]:
    """For the agency head: release proposals and overdue items awaiting the chair (one query)."""
    agencies = policy.scope(person, "tracking.chair").agency_ids
    if not agencies:
        return []
    today = timezone.localdate()
    agg = TrackedItem.objects.filter(agency__in=agencies).exclude(status=TrackedItem.Status.RELEASED).aggregate(
        proposed=Count("pk", filter=Q(status=TrackedItem.Status.RELEASE_PROPOSED)),
        overdue=Count("pk", filter=Q(due_date__lt=today)), first_due=Min("due_date", filter=Q(due_date__lt=today)))
    url = reverse("tracking:overview")
    out = []
    if agg["proposed"]:
        out.append(InboxItem(category=CATEGORY, title=f"{agg['proposed']}項列管事項建議解除列管，待主席決定", url=url))
    if agg["overdue"]:
        out.append(InboxItem(category=CATEGORY, title=f"{agg['overdue']}項列管事項已逾完成期限", url=url,
                             due=agg["first_due"], overdue=True))
    return out
