"""Seed 004: a county government's letter dispatching an election plan and its duty table
to its departments, its bureaus, every school and every township office. Names invented."""

import datetime as dt

import pytest

from anwei.documents.model import Paragraph, Field, Numbered, Title
from anwei.orgs.models import Agency
from anwei.orgs.services import agency_create, unit_create
from anwei.plans import services
from anwei.plans.documents import letter_document
from anwei.plans.models import Occasion
from anwei.plans.periods import period_phrase
from tests.plans import factories as f

pytestmark = pytest.mark.django_db

ELECTION = "第15任總統副總統及第10屆立法委員選舉"
DEPARTMENTS = ["民政處", "教育處", "觀光處", "人事處"]
OFFICES = ["縣長室", "副縣長室", "秘書長室", "參議室", "秘書辦公室", "消費者保護官室"]


@pytest.fixture
def county(world):
    county = world.county
    county.address, county.phone, county.code = "97001遠山縣遠山市府前路17號", "(03)800-0000", "376550000A"
    county.save()
    units = {n: unit_create(actor=None, agency=county, name=n) for n in DEPARTMENTS + OFFICES}
    units["政風處"] = world.other_unit
    bureaus = [agency_create(actor=None, name=f"遠山縣{n}", parent=county, kind=Agency.Kind.BUREAU)
               for n in ("警察局", "消防局", "文化局")]
    schools = [agency_create(actor=None, name=f"遠山縣立第{i}國民小學", parent=county, kind=Agency.Kind.SCHOOL)
               for i in range(1, 21)]
    towns = [agency_create(actor=None, name=f"遠山縣{n}公所", parent=county, kind=Agency.Kind.TOWNSHIP)
             for n in ("遠山市", "青溪鄉", "松嶺鎮")]
    # A school below a township is still one of 本縣各公立國民中小學.
    schools.append(agency_create(actor=None, name="遠山縣立溪口國民中學", parent=towns[0], kind=Agency.Kind.SCHOOL))
    f.pattern_for(county, "府政行字第{year:03}{serial:07}號")
    return {"agency": county, "units": units, "bureaus": bureaus, "schools": schools, "towns": towns}


def _seed_letter(world, county):
    officer = world.other_officer
    c = county["agency"]
    plan = f.plan_make(world, agency=c, actor=officer, occasion=Occasion.ELECTION, year=108, election_name=ELECTION,
                       period_start=dt.date(2019, 12, 14), period_end=dt.date(2020, 1, 11))
    services.plan_update(
        actor=officer, plan=plan, expected_version=plan.version, title=plan.title, election_name=ELECTION,
        period_start=plan.period_start, period_end=plan.period_end, result_workdays=5,
        children=services.PlanChildren(
            references=[{"issuer": "法務部廉政署", "date": dt.date(2019, 10, 14), "number": "廉政字第10807018360號",
                         "kind": "函"}],
            duties=[{"party": "本府各處及所屬各級機關", "duties": "請加強公務機密及機關安全維護措施，以維本機關之安全。"},
                    {"party": "本府教育處", "duties": "請本縣教育網路中心會同縣屬國民中、小學強化電腦資訊機密維護。"},
                    {"party": "本府政風處", "duties": "訂定選舉期間維護工作計畫，蒐報危安情資並適時陳報。"}],
            contacts=[{"name": "王測試", "role": "政風處副處長", "office_phone": "(03)800-0001",
                       "mobile": "0900-111-222", "fax": "(03)800-0009"}]))
    plan.refresh_from_db()
    groups = [
        f.group_make(world, c, "本府各處(本府政風處除外)", actor=officer,
                     units=[county["units"][n] for n in DEPARTMENTS]),
        f.group_make(world, c, "本府所屬一-二級機關", actor=officer, agencies=county["bureaus"]),
        f.group_make(world, c, "本縣各公立國民中-小學", actor=officer, kind=Agency.Kind.SCHOOL),
        f.group_make(world, c, "本縣各鄉鎮市公所", actor=officer, kind=Agency.Kind.TOWNSHIP),
    ]
    explanation = (f"一、依據{plan.references.get().citation()}辦理。\n"
                   f"二、旨揭專案維護期間，自候選人競選活動期間至投票日止（{period_phrase(plan.period_start, plan.period_end)}），"
                   "請依據旨揭計畫及分工表加強各項安全維護措施，以保障選舉期間機關安全。")
    letter = f.letter_make(
        world, plan, actor=officer, explanation=explanation,
        main=f.choice(groups=groups, units=[county["units"][n] for n in OFFICES]),
        cc=f.choice(units=[county["units"]["政風處"]]), extra_cc="遠山縣警察局政風室\n遠山縣消防局政風室")
    return services.letter_dispatch(actor=officer, letter=letter, on=dt.date(2019, 11, 12))


def _fields(doc):
    return {b.label: b.value for b in doc.blocks if isinstance(b, Field)}


def test_seed_004_letter_is_reproduced(world, county):
    letter = _seed_letter(world, county)
    doc = letter_document(letter_id=letter.pk)
    fields = _fields(doc)
    title = f"遠山縣政府辦理{ELECTION}期間專案安全維護計畫"
    assert any(isinstance(b, Title) and b.lines == ["遠山縣政府　函"] for b in doc.blocks)
    assert fields["發文日期"] == "中華民國108年11月12日"
    assert fields["發文字號"] == "府政行字第1080000001號"
    assert fields["速別"] == "普通件"
    assert fields["附件"] == (f"{title}、遠山縣政府辦理{ELECTION}期間維護工作分工表"
                            "（376550000A1080000001_ATTACH1.odt、376550000A1080000001_ATTACH2.odt）")
    assert fields["主旨"] == f"檢送「{title}」1案及維護工作分工表1份，請據以加強安全維護措施，請查照。"
    items = [(b.label, b.text) for b in doc.blocks if isinstance(b, Numbered)]
    assert items[0] == ("一、", "依據法務部廉政署108年10月14日廉政字第10807018360號函辦理。")
    assert items[1][0] == "二、" and "108年12月14日起至109年1月11日止，共29天" in items[1][1]
    assert fields["正本"] == ("本府各處(本府政風處除外)、本府所屬一-二級機關、本縣各公立國民中-小學、本縣各鄉鎮市公所、"
                            "縣長室、副縣長室、秘書長室、參議室、秘書辦公室、消費者保護官室")
    assert fields["副本"] == "政風處、遠山縣警察局政風室、遠山縣消防局政風室"
    assert fields["受文者"] == "如正本及副本"
    assert doc.page_numbers
    contact = next(b.text for b in doc.blocks if isinstance(b, Paragraph) and b.text.startswith("地址："))
    assert "地址：97001遠山縣遠山市府前路17號" in contact and "承辦人：測他縣" in contact


def test_seed_004_dispatch_reaches_every_recipient_once(world, county):
    letter = _seed_letter(world, county)
    got = {a.unit.name if a.unit_id else a.agency.name for a in letter.assignments.select_related("agency", "unit")}
    expected = set(DEPARTMENTS) | set(OFFICES) | {a.name for k in ("bureaus", "schools", "towns") for a in county[k]}
    assert got == expected
    assert letter.recipient_count == len(expected) == 10 + 3 + 21 + 3
    assert "政風處" not in got  # a 副本 gets no assignment
    # Each recipient's copy names it as 受文者.
    school = letter.assignments.get(agency=county["schools"][0])
    assert _fields(letter_document(letter_id=letter.pk, assignment_id=school.pk))["受文者"] == "遠山縣立第1國民小學"


@pytest.mark.parametrize("fmt", ["html", "odt", "docx", "pdf"])
def test_seed_004_letter_renders(world, county, fmt):
    from anwei.documents.render import render

    data = render(letter_document(letter_id=_seed_letter(world, county).pk), fmt)
    assert data[:4] in ({"html": b"<!do", "pdf": b"%PDF"}.get(fmt, b"PK\x03\x04"), b"<!DO")
    if fmt == "html":
        assert "共29天" in data.decode()


def test_seed_004_letter_plan_and_duty_table_odt_validate_against_odf_13(world, county, tmp_path):
    from anwei.documents.render import render
    from anwei.plans.documents import duty_table_document, plan_document
    from tests.documents.conftest import jing_validate

    letter = _seed_letter(world, county)
    for i, doc in enumerate([letter_document(letter_id=letter.pk), plan_document(plan_id=letter.plan_id),
                             duty_table_document(plan_id=letter.plan_id)]):
        jing_validate(render(doc, "odt"), tmp_path / str(i))
