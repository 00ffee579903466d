"""Demo data: the bureau's awareness events (two in the period of the replayed 109年第1次 meeting, the rest
in recent months) and the case library, with a case the city's ethics office publishes to its agencies.
Every name and event is invented."""

from __future__ import annotations

import datetime as dt

from anwei.awareness import services
from anwei.awareness.models import Form, Topic
from anwei.core import clock


def _topic(name: str) -> Topic:
    return Topic.objects.get(agency=None, name=name)


def load(ctx: dict) -> None:
    city, bureau, units, people = ctx["city"], ctx["bureau"], ctx["units"], ctx["people"]
    officer, superior = people["officer"], people["superior"]
    today = clock.today()
    services.topics_seed_defaults()
    web = services.case_create(
        actor=superior, agency=city, title="公務機關網站加強資訊安全防護措施", topic=_topic("資通安全"),
        incident="某機關全球資訊網於假日遭不明程式攻擊而無法連線，經民眾以服務專線反映後始發現；"
                 "初步鑑識受影響範圍為內部公文系統及員工入口網，改以紙本作業，未有民眾個資外洩。",
        analysis="網站主機未即時更新修補程式，亦未設定異常流量告警，致攻擊發生後未能即時察覺。",
        prevention="1、定期更新作業系統及網站套件之修補程式。\n2、重要系統異地備份並定期演練還原。\n"
                   "3、依資通安全管理法規定通報並啟動應變機制。",
        source="海港市政府政風處", source_date=dt.date(2019, 6, 10), published=True)
    services.case_create(
        actor=officer, agency=bureau, title="假冒廠商來電詐騙採購款項", topic=_topic("反詐騙"),
        incident="本局某科接獲自稱得標廠商之來電，要求將應付款項改匯至新帳戶，承辦人依程序向廠商原留電話查證後發現遭冒用。",
        analysis="詐騙集團利用公開之決標資訊，掌握廠商名稱與契約金額，冒用身分要求變更匯款帳戶。",
        prevention="變更匯款帳戶應以書面辦理，並以契約所載聯絡方式向廠商查證。", source="本局政風室",
        source_date=today - dt.timedelta(days=40))
    # In the period of the replayed 109年第1次 meeting (108年10月3日至109年4月22日).
    services.event_create(actor=officer, agency=bureau, title="公務員赴大陸地區規定宣導", topic=_topic("赴陸規定"),
                          form=Form.MEETING, start_date=dt.date(2020, 1, 8), audience_note="本局各單位主管",
                          audience_units=list(units.values()), audience_count=28, speaker="政風室")
    services.event_create(actor=officer, agency=bureau, title="公務機關網站資訊安全防護宣導", topic=_topic("資通安全"),
                          form=Form.EMAIL, start_date=dt.date(2020, 3, 16), audience_note="全體同仁",
                          audience_count=312, speaker="海港市政府政風處", cases=[web])
    # Recent months.
    services.event_create(actor=officer, agency=bureau, title="公務機密維護講習", topic=_topic("公務機密維護"),
                          form=Form.TRAINING, start_date=today - dt.timedelta(days=60), audience_note="全體同仁",
                          audience_count=86, speaker="海港大學法律系講座", summary="公務機密之範圍、洩密案例及保密措施。")
    services.event_create(actor=officer, agency=bureau, title="反詐騙海報張貼", topic=_topic("反詐騙"),
                          form=Form.POSTER, start_date=today - dt.timedelta(days=30),
                          end_date=today - dt.timedelta(days=16), audience_note="洽公民眾及同仁", speaker="政風室")
