"""電子公文 exchange files of a 函: the .di and .sw validate against the official DTDs (lxml), and
the validator rejects files that break them."""

import io
import zipfile

import pytest
from django.urls import reverse
from lxml import etree

from anwei.documents.exchange import ExchangeInvalid, validate
from anwei.plans.documents import letter_exchange_zip
from tests.plans.test_seed_004_letter import _seed_letter, county  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def letter(world, county):  # noqa: F811
    for i, a in enumerate(county["bureaus"] + county["schools"] + county["towns"], start=1):
        a.code = f"37655{i:04d}A"
        a.save(update_fields=["code"])
    return _seed_letter(world, county)


def _files(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist()}


def test_letter_downloads_as_di_sw_and_attachments_that_validate(letter, county):  # noqa: F811
    files = _files(letter_exchange_zip(letter_id=letter.pk))
    stem = "376550000A1080000001"
    assert set(files) == {f"{stem}.di", f"{stem}.sw", f"{stem}_ATTACH1.odt", f"{stem}_ATTACH2.odt"}
    assert all(files[f"{stem}_ATTACH{i}.odt"].startswith(b"PK") for i in (1, 2))
    validate(files)  # no exception: both files follow the DTDs

    di = etree.fromstring(files[f"{stem}.di"].split(b"]>", 1)[1])
    assert di.findtext("發文機關/全銜") == "遠山縣政府" and di.findtext("發文機關/機關代碼") == "376550000A"
    assert [di.findtext(f"發文字號/{p}") for p in ("字", "文號/年度", "文號/流水號")] == ["府政行", "108", "0000001"]
    assert di.findtext("發文日期/年月日") == "中華民國108年11月12日"
    assert di.find("速別").get("代碼") == "普通件"
    assert di.find("附件/附件檔名").get("附件名") == "ATTCH1 ATTCH2"
    assert [c.get("序號") for c in di.findall("段落/條列")] == ["一、", "二、"]
    assert di.find("段落").get("段名") == "說明："
    assert di.findtext("地址").startswith("97001") and di.find("受文者/交換表").get("交換表單") == "表單"
    tags = [e.tag for e in di]
    assert tags.index("主旨") < tags.index("段落") < tags.index("正本") < tags.index("副本")

    sw = etree.fromstring(files[f"{stem}.sw"].split(b"\n", 2)[2])
    names = [e.text for e in sw.findall("全銜")]
    schools = [a.name for a in county["schools"]]
    assert set(schools) <= set(names) and len(names) == len(set(names))  # every school once
    copies = [e.get("代碼") for e in sw.findall("本別/收發處理本別")]
    assert copies.count("正本") == len(names) and len(sw.findall("機關代碼")) == len(names)


def _break(files: dict[str, bytes], name: str, old: bytes, new: bytes) -> dict[str, bytes]:
    assert old in files[name]
    return {**files, name: files[name].replace(old, new, 1)}


def test_broken_files_are_rejected(letter):
    files = _files(letter_exchange_zip(letter_id=letter.pk))
    di = next(n for n in files if n.endswith(".di"))
    sw = next(n for n in files if n.endswith(".sw"))
    # 速別 after 主旨: the 函's element order is fixed
    moved = files[di].replace(b'<\xe9\x80\x9f\xe5\x88\xa5 \xe4\xbb\xa3\xe7\xa2\xbc="\xe6\x99\xae\xe9\x80\x9a\xe4\xbb\xb6"/>', b"")
    moved = moved.replace("</主旨>".encode(), '</主旨><速別 代碼="普通件"/>'.encode())
    broken = [
        {**files, di: moved},
        _break(files, di, "<正本>".encode(), "<正本x>".encode()),  # not well-formed
        _break(files, di, 'NDATA _X>'.encode(), b">"),  # attachment entity no longer unparsed
        _break(files, di, "<函類別 代碼=\"函\"/>".encode(), "<函類別 代碼=\"公告\"/>".encode()),  # not a 函類別 code
        _break(files, sw, "<機關代碼>".encode(), "<單位代碼>".encode()),  # a recipient without 機關代碼
    ]
    for case in broken:
        with pytest.raises(ExchangeInvalid):
            validate(case)


def test_exchange_zip_needs_a_number_and_codes(world, county):  # noqa: F811
    letter = _seed_letter(world, county)  # the fixture's agencies have no 機關代碼
    with pytest.raises(ExchangeInvalid, match="機關代碼"):
        letter_exchange_zip(letter_id=letter.pk)


def test_officer_downloads_the_zip(letter, client, world):
    client.force_login(world.other_officer)
    got = client.get(reverse("plans:letter_download", kwargs={"pk": letter.pk, "fmt": "zip"}))
    assert got.status_code == 200 and got["Content-Type"] == "application/zip"
    assert ".zip" in got["Content-Disposition"] and got.content.startswith(b"PK")
