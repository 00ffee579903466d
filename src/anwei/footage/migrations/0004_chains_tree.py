import datetime as dt

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from anwei.lib import ruletree

# The chain an agency without chains used until now (footage.selectors.DEFAULT_CHAIN as of this migration).
_DEFAULT = [("unit_head", "單位主管"), ("ethics", "會辦政風室"), ("agency_head", "機關首長")]
_KINDS = ["internal", "external", "judicial"]


def _live(rows, d):
    return [r for r in rows if r.effective_from <= d and (r.effective_to is None or r.effective_to >= d)]


def _old(own, steps, kind, d):
    """Until now: the agency's own chains only; a chain for the kind beat one for all kinds, then the later start
    (on the same date the older row, as the database returned them)."""
    found = [r for r in _live(own, d) if r.request_kind in (kind, "")]
    if not found:
        return _DEFAULT
    best = max(found, key=lambda r: (r.request_kind == kind, r.effective_from, -r.pk))
    return steps.get(best.pk) or _DEFAULT


def _new(line, rows, steps, kind, d):
    """From now on (footage.selectors.chain_in_force): the chains of the agency's line, a superior's being the
    default of its subtree (anwei.lib.ruletree); a chain for the kind still beats one for all kinds."""
    live = sorted(_live(rows, d), key=lambda r: -r.pk)
    for wanted in (kind, ""):
        order = ruletree.ordered([ruletree.Candidate(line.index(r.agency_id), r.effective_from, False, r)
                                  for r in live if r.request_kind == wanted], d)
        if order:
            return steps.get(order[0].row.pk) or _DEFAULT
    return _DEFAULT


def _keep_what_each_agency_had(apps, schema_editor):
    """Until now an agency used only its own chains (else the default chain); from now on a superior's chains are
    the default of its subtree. So that no request gets another chain than before, each agency under a superior
    with chains gets its own copy of the chain it had, on every date from which the new lookup would differ."""
    Chain = apps.get_model("footage", "ApprovalChain")
    Step = apps.get_model("footage", "ApprovalStep")
    Agency = apps.get_model("orgs", "Agency")
    chains = list(Chain.objects.order_by("effective_from", "id"))
    if not chains:
        return
    steps: dict[int, list] = {}
    for s in Step.objects.order_by("chain_id", "order"):
        steps.setdefault(s.chain_id, []).append((s.role, s.label))
    by_agency: dict[int, list] = {}
    for c in chains:
        by_agency.setdefault(c.agency_id, []).append(c)
    note = "沿用本機關原適用之核決流程（上級機關流程改為所屬機關之預設時保留）"

    def pin(agency_id, kind, day, pinned):
        chain = Chain.objects.create(agency_id=agency_id, name=note, request_kind=kind, effective_from=day)
        Step.objects.bulk_create([Step(chain=chain, order=i, role=role, label=label)
                                  for i, (role, label) in enumerate(pinned, start=1)])
        steps[chain.pk] = list(pinned)
        by_agency.setdefault(agency_id, []).append(chain)

    for agency_id, path in Agency.objects.order_by("path").values_list("pk", "path"):
        line = [int(p) for p in (path or "").split(".") if p] or [agency_id]
        if not any(a in by_agency for a in line[:-1]):
            continue
        own = list(by_agency.get(agency_id, []))  # the rows the old lookup read (pins made below are not among them)
        days = sorted({c.effective_from for a in line for c in by_agency.get(a, [])}
                      | {c.effective_to + dt.timedelta(days=1) for a in line for c in by_agency.get(a, [])
                         if c.effective_to})

        def rows():
            return [c for a in line for c in by_agency.get(a, [])]

        for day in days:
            had = {k: _old(own, steps, k, day) for k in _KINDS}
            differ = [k for k in _KINDS if _new(line, rows(), steps, k, day) != had[k]]
            if len(differ) == len(_KINDS) and all(had[k] == had[_KINDS[0]] for k in _KINDS):
                pin(agency_id, "", day, had[_KINDS[0]])
                differ = [k for k in _KINDS if _new(line, rows(), steps, k, day) != had[k]]
            for k in differ:
                pin(agency_id, k, day, had[k])


def _constraints_immediate(apps, schema_editor):
    # PostgreSQL: rows written below leave deferred foreign-key checks pending; check them as they happen.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


class Migration(migrations.Migration):

    dependencies = [
        ('footage', '0003_retention_rules_tree'),
        ('orgs', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(_constraints_immediate, _constraints_immediate),
        migrations.AddField(
            model_name='approvalchain',
            name='created_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='設定者'),
        ),
        migrations.RunPython(_keep_what_each_agency_had, migrations.RunPython.noop),
    ]
