"""Objects for the awareness tests, built through the services (so audit and rules apply). Invented."""

from __future__ import annotations

import datetime as dt

from anwei.awareness import services
from anwei.awareness.models import Form, Topic
from anwei.core import clock


def topic(name: str = "資通安全") -> Topic:
    services.topics_seed_defaults()  # a transactional test before may have emptied the migration's rows
    return Topic.objects.get(agency=None, name=name)


def event(w, *, day: dt.date | None = None, count: int | None = 30, title: str = "資通安全講習", **kw):
    return services.event_create(actor=w.officer, agency=w.bureau, title=title, topic=kw.pop("topic", topic()),
                                 form=kw.pop("form", Form.TRAINING), start_date=day or clock.today(),
                                 audience_count=count, speaker="測試講座", **kw)


def case(w, *, agency=None, published: bool = False, actor=None):
    return services.case_create(actor=actor or w.officer, agency=agency or w.bureau, title="網站遭攻擊致服務中斷",
                                topic=topic(), incident="某機關網站遭不明病毒攻擊而中斷服務。",
                                analysis="未即時更新修補程式。", prevention="定期更新並備份。",
                                source="測試廉政單位", source_date=dt.date(2020, 5, 4), published=published)
