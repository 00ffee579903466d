"""Reads of plans, letters and assignments, always scoped to the acting person."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from anwei.core.pagecache import remember
from anwei.orgs import policy
from anwei.orgs.models import Agency, Person, Unit
from anwei.plans.deadlines import result_due
from anwei.plans.defaults import templates_seed
from anwei.plans.periods import period_phrase
from anwei.plans.models import Assignment, AssignmentFile, Letter, Occasion, PlanTemplate, RecipientGroup, SpecialPlan


def plan_list(*, person: Person, occasion: str = "", year: int | None = None) -> QuerySet[SpecialPlan]:
    qs = SpecialPlan.objects.filter(policy.scope(person, "plans.view").q(unit=None))
    if occasion:
        qs = qs.filter(occasion=occasion)
    if year:
        qs = qs.filter(year=year)
    return qs.select_related("agency", "letter").order_by("-year", "-period_start", "-id")


def plan_get(*, person: Person, pk: int, action: str = "plans.view") -> SpecialPlan:
    plan = SpecialPlan.objects.select_related("agency").filter(pk=pk).first()
    if plan is None or not policy.may(person, action, plan):
        raise Http404("找不到此計畫")
    return plan


def plan_previous(*, plan: SpecialPlan) -> SpecialPlan | None:
    """Last year's plan of the same agency for the same occasion (what 複製 starts from)."""
    return (SpecialPlan.objects.filter(agency_id=plan.agency_id, occasion=plan.occasion, year=plan.year - 1)
            .order_by("-id").first())


def template_list(*, person: Person, agency: Agency) -> list[PlanTemplate]:
    """The agency's own templates, then the defaults for occasions it has not adopted."""
    if not policy.may(person, "plans.manage", agency):
        return []
    if not PlanTemplate.objects.filter(agency__isnull=True).exists():
        templates_seed(PlanTemplate)
    rows = list(PlanTemplate.objects.filter(Q(agency=agency) | Q(agency__isnull=True)))
    own = {t.occasion for t in rows if t.agency_id}
    order = {o: i for i, o in enumerate(Occasion.values)}
    keep = [t for t in rows if t.agency_id or t.occasion not in own]
    return sorted(keep, key=lambda t: (order[t.occasion], t.agency_id is None))


def template_for(*, agency: Agency, occasion: str) -> PlanTemplate:
    own = PlanTemplate.objects.filter(agency=agency, occasion=occasion).first()
    if own:
        return own
    default = PlanTemplate.objects.filter(agency__isnull=True, occasion=occasion).first()
    if default is None:
        templates_seed(PlanTemplate)
        default = PlanTemplate.objects.get(agency__isnull=True, occasion=occasion)
    return default


def template_get(*, person: Person, pk: int) -> PlanTemplate:
    """Defaults are readable by every ethics officer; own templates only by their agency."""
    t = PlanTemplate.objects.select_related("agency").filter(pk=pk).first()
    if t is None:
        raise Http404("找不到此範本")
    if t.agency_id is None:
        if not policy.holds_anywhere(person, "plans.manage"):  # every ethics officer
            raise Http404("找不到此範本")
    elif not policy.may(person, "plans.manage", t.agency):
        raise Http404("找不到此範本")
    return t


def group_list(*, person: Person, agency: Agency) -> QuerySet[RecipientGroup]:
    if not policy.may(person, "plans.manage", agency):
        return RecipientGroup.objects.none()
    return (RecipientGroup.objects.filter(agency=agency)
            .annotate(n_agencies=Count("agencies", distinct=True), n_units=Count("units", distinct=True))
            .order_by("name"))


def group_get(*, person: Person, pk: int) -> RecipientGroup:
    g = RecipientGroup.objects.select_related("agency").filter(pk=pk).first()
    if g is None or not policy.may(person, "plans.manage", g.agency):
        raise Http404("找不到此群組")
    return g


def recipient_choices(*, agency: Agency) -> dict:
    """What a letter may be sent to: own units, agencies below, saved groups."""
    return {
        "units": Unit.objects.filter(agency=agency).order_by("order", "id"),
        "agencies": Agency.objects.filter(path__startswith=agency.path).exclude(pk=agency.pk).order_by("path"),
        "groups": RecipientGroup.objects.filter(agency=agency).order_by("name"),
    }


def letter_get(*, person: Person, pk: int, action: str = "plans.view") -> Letter:
    letter = remember(person, f"letter:{pk}",  # the plan is read only where it is needed
                      lambda: Letter.objects.select_related("agency").filter(pk=pk).first())
    if letter is None or not policy.may(person, action, letter):
        raise Http404("找不到此函")
    return letter


def plan_letter(*, plan: SpecialPlan) -> Letter | None:
    """The plan's 函, if one has been drafted (the caller has the plan through plan_get)."""
    return Letter.objects.filter(plan=plan).first()


def _respond_q(person: Person) -> Q:
    agency_scope = policy.scope(person, "plans.assignment.respond")
    unit_scope = policy.scope(person, "plans.assignment.respond_unit")
    q = Q(unit__isnull=True, agency_id__in=agency_scope.agency_ids)
    if unit_scope.unit_ids:
        q |= Q(unit_id__in=unit_scope.unit_ids)
    return q


def assignment_inbox(*, person: Person) -> QuerySet[Assignment]:
    """Assignments this person answers for (as recipient), newest first."""
    return (Assignment.objects.filter(_respond_q(person), letter__dispatched_at__isnull=False)
            .select_related("letter__agency", "letter__plan", "agency", "unit").order_by("-id"))


def assignment_get(*, person: Person, pk: int) -> tuple[Assignment, bool]:
    """The assignment and whether this person may answer it. The recipient answers; the sender's
    side (and its superior office) may read it; everyone else gets 404."""
    a = (Assignment.objects.select_related("letter__agency", "letter__plan__agency", "agency", "unit")
         .filter(pk=pk, letter__dispatched_at__isnull=False).first())
    if a is None:
        raise Http404("找不到此分派")
    if policy.may(person, a.policy_action(), a):
        return a, True
    if policy.may(person, "plans.view", a.letter):
        return a, False
    raise Http404("找不到此分派")


def assignment_file_get(*, assignment: Assignment, pk: int) -> AssignmentFile:
    """A file attached to the assignment (the caller has the assignment through assignment_get)."""
    f = AssignmentFile.objects.select_related("stored").filter(pk=pk, assignment=assignment).first()
    if f is None:
        raise Http404("找不到此附件")
    return f


def matrix_rows(*, letter: Letter, status: str = "") -> QuerySet[Assignment]:
    """The completion matrix of one letter (caller checked the letter). Constant queries per page."""
    today = timezone.localdate()
    qs = letter.assignments.select_related("agency", "unit").annotate(n_files=Count("files"))
    if status == "unreceived":
        qs = qs.filter(received_at__isnull=True)
    elif status == "unreported":
        qs = qs.filter(reported_at__isnull=True)
    elif status == "late":
        qs = qs.filter(reported_at__isnull=True, due__lt=today)
    return qs.order_by("id")


def plan_agency_ids(*, plan: SpecialPlan, letter: Letter | None) -> list[int]:
    """The plan's own agency and, once dispatched, its recipient agencies: whose period counts its results show."""
    ids = [plan.agency_id]
    if letter is not None and letter.is_dispatched:
        ids += list(letter.assignments.values_list("agency_id", flat=True))
    return ids


def matrix_summary(*, letter: Letter) -> dict:
    today = timezone.localdate()
    return letter.assignments.aggregate(
        total=Count("id"), received=Count("id", filter=Q(received_at__isnull=False)),
        reported=Count("id", filter=Q(reported_at__isnull=False)),
        late=Count("id", filter=Q(reported_at__isnull=True, due__lt=today)))


def letter_defaults(*, plan: SpecialPlan, actor: Person) -> dict:
    """What a new letter starts with: seed 004's 主旨 and 說明, the officer as contact."""
    basis = plan.references.first()
    lines = []
    if basis:
        lines.append(f"一、依據{basis.citation()}辦理。")
    lines.append(f"{'二' if basis else '一'}、旨揭專案維護期間（{period_phrase(plan.period_start, plan.period_end)}），"
                 "請依據旨揭計畫及分工表加強各項安全維護措施，以保障機關安全。")
    has_duties = plan.duties.exists()
    return {
        "subject": f"檢送「{plan.title}」1案{'及維護工作分工表1份' if has_duties else ''}，"
                   "請據以加強安全維護措施，請查照。",
        "explanation": "\n".join(lines), "speed": Letter.Speed.NORMAL,
        "contact_name": actor.full_name, "contact_phone": actor.phone, "contact_email": actor.email,
        "due": result_due(plan),
    }


def template_example(template: PlanTemplate) -> str:
    """What the template's lead period gives this year (the next occasion of its kind), in its agency's calendar:
    「以116年春節為例：116年1月30日起至2月9日止，共11天」. Empty for elections and other projects."""
    from anwei.core import clock
    from anwei.lib.rocdate import roc_year
    from anwei.plans.periods import period_propose

    year = roc_year(clock.today())
    for y in (year, year + 1):
        found = period_propose(occasion=template.occasion, roc_year=y, lead=template.lead_period,
                               agency=template.agency)
        if found and found[1] >= clock.today():
            return f"以{y}年{template.get_occasion_display()}為例：{period_phrase(*found)}"
    return ""
