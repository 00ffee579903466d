"""Approval chains edited where the work is (/footage/chains/): the agency's ethics officer sees which chain each kind
of request follows on any date, adds a chain from a start date with its ordered steps, and requests already filed keep
the chain they were filed under. A superior office's chain is the default of its subtree; a chain for one kind of
request beats a chain for all kinds."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from anwei.core.models import AuditEntry
from anwei.footage import selectors, services
from anwei.footage.models import ApprovalChain, Decision
from anwei.lib import rocdate
from tests.footage import factories as f

pytestmark = pytest.mark.django_db

URL = "/footage/chains/"


def _steps(req):
    return list(req.steps.order_by("order").values_list("role", flat=True))


def _chain(kind="", starts_on=None, steps=(("managing_head", "秘書室主任"), ("agency_head", "局長"))):
    return services.ChainInput(request_kind=kind, starts_on=starts_on or timezone.localdate(), steps=list(steps))


def _post(steps, **kw):
    data = {"kind": "", "starts_on": rocdate.format_slash(timezone.localdate()), "name": ""} | kw
    for i, (role, label) in enumerate(steps, start=1):
        data |= {f"step_{i}_role": role, f"step_{i}_label": label}
    return data


def test_the_officer_adds_a_chain_and_requests_already_filed_keep_theirs(world, fs, planhead, as_):
    before = f.file(world)
    client = as_(world.officer)
    page = client.get(URL).content.decode()
    assert "單位主管（申請單位主管） → 會辦政風室（政風單位） → 機關首長（機關首長）" in page
    r = client.post(URL, _post([("ethics", "會辦政風室"), ("agency_head", "")]))
    assert r.status_code == 302
    chain = ApprovalChain.objects.get(agency=world.bureau, created_by=world.officer)
    assert [(s.role, s.label) for s in chain.steps.order_by("order")] == [("ethics", "會辦政風室"),
                                                                          ("agency_head", "機關首長")]
    assert AuditEntry.objects.filter(action="footage.chain.create", object_id=str(chain.pk)).exists()
    after = f.file(world)
    assert _steps(after) == ["ethics", "agency_head"]
    assert _steps(before) == ["unit_head", "ethics", "agency_head"]  # filed under the old chain, kept
    # Returned and sent again, it still runs its own chain from the first step.
    f.decide(before, planhead, Decision.Action.RETURN, reason="請補充時段")
    before.refresh_from_db()
    services.request_resubmit(actor=world.staff, req=before, expected_version=before.version, data=f.data(world))
    before.refresh_from_db()
    assert (before.current_role, _steps(before)) == ("unit_head", ["unit_head", "ethics", "agency_head"])


def test_the_page_shows_the_chain_in_force_on_a_chosen_date(world, fs, as_):
    today = timezone.localdate()
    later = today + dt.timedelta(days=30)
    services.footage_chain_create(actor=world.officer, agency=world.bureau, data=_chain(starts_on=later), today=today)
    client = as_(world.officer)
    now = client.get(URL).content.decode().split('id="new-chain"')[0]
    assert "秘書室主任" not in now and "會辦政風室" in now
    then = client.get(f"{URL}?on={rocdate.format_slash(later)}").content.decode().split('id="new-chain"')[0]
    assert "秘書室主任（管理單位主管） → 局長（機關首長）" in then
    assert "（尚未生效）" in client.get(URL).content.decode()
    assert selectors.chain_steps_for(agency=world.bureau, kind="internal", on=later) == [
        ("managing_head", "秘書室主任"), ("agency_head", "局長")]
    assert f.file(world).steps.count() == 3  # filed today: the chain in force today


def test_bad_input_is_refused_next_to_each_field_in_chinese(world, fs, as_):
    client = as_(world.officer)
    yesterday = rocdate.format_slash(timezone.localdate() - dt.timedelta(days=1))
    cases = [
        (_post([]), "請至少設定一個核決關卡。"),
        (_post([("ethics", "會辦政風室")], starts_on=yesterday), "不溯及既往"),
        (_post([("ethics", "會辦政風室"), ("agency_head", "局長"), ("ethics", "再會政風")]),
         "「政風單位」已是第1關，同一流程不要重複。"),
        (_post([("", "秘書室主任")]), "已填關卡名稱，請選擇核決者。"),
        (_post([("ethics", "會" * 51)]), "關卡名稱請在50字以內。"),
        (_post([("ethics", "")], starts_on=""), "請填寫日期。"),
        (_post([("ethics", "")], kind="other"), "請選擇適用申請類別。"),
    ]
    for data, message in cases:
        r = client.post(URL, data)
        assert r.status_code == 400 and message in r.content.decode(), message
    r = client.post(URL, _post([("ethics", ""), ("ethics", "")]))
    assert r.context["form"].errors["step_2_role"]  # next to the row it is about
    assert not ApprovalChain.objects.filter(created_by__isnull=False).exists()


def test_a_superiors_chain_is_the_default_of_its_subtree_only(world, fs):
    """The city's ethics office sets a chain for its subtree: the bureau, whose own chain is older, follows it
    from its start date; another county keeps the system default; the bureau may set its own again."""
    today = timezone.localdate()
    services.footage_chain_create(actor=world.superior, agency=world.city, today=today,
                                  data=_chain(steps=[("unit_head", "單位主管"), ("agency_head", "首長")]))
    assert selectors.chain_steps_for(agency=world.bureau, kind="internal", on=today) == [
        ("unit_head", "單位主管"), ("agency_head", "首長")]
    assert selectors.chain_steps_for(agency=world.bureau, kind="internal",
                                     on=today - dt.timedelta(days=1))[1] == ("ethics", "會辦政風室")
    assert selectors.chain_steps_for(agency=world.county, kind="internal", on=today) == selectors.DEFAULT_CHAIN
    later = today + dt.timedelta(days=7)
    services.footage_chain_create(actor=world.officer, agency=world.bureau, today=today,
                                  data=_chain(starts_on=later, steps=[("ethics", "政風室")]))
    assert selectors.chain_steps_for(agency=world.bureau, kind="internal", on=later) == [("ethics", "政風室")]
    assert world.city.name in {c.agency.name for c in selectors.chain_list(agency=world.bureau)}


def test_a_chain_for_one_kind_beats_the_chain_for_all_kinds(world, fs, as_):
    today = timezone.localdate()
    services.footage_chain_create(actor=world.officer, agency=world.bureau, today=today,
                                  data=_chain(kind="external", steps=[("managing_head", "秘書室主任")]))
    services.footage_chain_create(actor=world.officer, agency=world.bureau, today=today,
                                  data=_chain(starts_on=today + dt.timedelta(days=3), steps=[("agency_head", "局長")]))
    on = today + dt.timedelta(days=3)
    assert selectors.chain_steps_for(agency=world.bureau, kind="external", on=on) == [("managing_head", "秘書室主任")]
    assert selectors.chain_steps_for(agency=world.bureau, kind="judicial", on=on) == [("agency_head", "局長")]
    rows = dict((label, c) for label, c in selectors.chains_in_force(agency=world.bureau, on=on))
    assert rows["局外調閱"].request_kind == "external" and rows["局內調閱"].request_kind == ""


def test_only_the_agencys_own_ethics_officer_sets_its_chains(world, fs):
    today = timezone.localdate()
    for actor in (world.staff, world.liaison, world.unithead, world.head, world.superior, world.other_officer):
        with pytest.raises(ValidationError):
            services.footage_chain_create(actor=actor, agency=world.bureau, data=_chain(), today=today)
