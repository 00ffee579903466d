"""Nobody finds, counts or reads a snippet of what they may not open: another agency's records, another
unit's tracked items, anything for people without a reading role."""

import pytest

from anwei.meetings import services as ms
from anwei.search import selectors
from tests.search.factories import item, meeting
from tests.world import ROLES

WORDS = {
    "翡翠倉庫": {"officer", "liaison", "unithead", "head", "superior"},  # the bureau's 秘書室 item
    "琥珀機房": {"officer", "head", "superior"},  # the bureau's 綜合企劃科 item: not the 秘書室 people
    "瑪瑙碼頭": {"other_officer"},  # the other county's item
    "珊瑚會館": {"other_officer"},  # the other county's proposal
    "玳瑁議題": {"officer", "liaison", "unithead", "head", "superior"},  # the bureau's proposal
}


@pytest.fixture
def records(world):
    item(world, "請加強翡翠倉庫之巡查。", unit="秘書室")
    item(world, "琥珀機房門禁卡回收。", unit="綜合企劃科")
    item(world, "瑪瑙碼頭監視器更新。", agency=world.county, actor=world.other_officer)
    ms.proposal_add(actor=world.other_officer, meeting=meeting(world, agency=world.county, actor=world.other_officer),
                    subject="審議珊瑚會館門禁管理要點案")
    ms.proposal_add(actor=world.officer, meeting=meeting(world), subject="審議玳瑁議題案", explanation="說明文字")


@pytest.mark.parametrize("role", ROLES)
def test_search_shows_only_what_the_role_may_open(world, records, as_, role):
    client = as_(world.people[role])
    for word, readers in WORDS.items():
        found = role in readers
        assert selectors.search(world.people[role], word).count == (1 if found else 0), (role, word)
        html = client.get("/search/", {"q": word}).content.decode()
        assert ("共 1 筆" in html) == found, (role, word)
        # Not in a title or snippet either (the query box echoes it, so count the highlighted form).
        assert (f"<mark>{word}</mark>" in html) == found, (role, word)
