"""Checklist items added at the same instant: no server error, and distinct keys 1, 2, 3, …"""

import pytest

from anwei.assessments import services
from tests.concurrent import at_once, postgresql_only

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_checklist_items_added_at_once_get_distinct_keys(world):
    postgresql_only()
    template = services.checklist_create(actor=world.officer, agency=world.bureau, name="門禁巡檢表")
    assert at_once(5, lambda n: services.checklist_item_add(actor=world.officer, template=template,
                                                            text=f"檢查項目{n}")) == []
    assert sorted(template.items.values_list("key", flat=True)) == [1, 2, 3, 4, 5]
