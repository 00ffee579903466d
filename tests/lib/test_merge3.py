"""Three-way merge: the records' changes go into the officer's text where they do not touch the same
lines; where they do, the officer's lines stay and the clash is returned."""

from anwei.lib.merge3 import changes, merge3

BASE = "一、宣導活動\n（一）辦理1場次\n1、A講習\n二、檢查\n（一）未辦理"


def test_disjoint_changes_both_kept():
    mine = BASE.replace("（一）未辦理", "（一）未辦理（本室補充）")
    theirs = BASE.replace("（一）辦理1場次\n1、A講習", "（一）辦理2場次\n1、A講習\n2、B宣導")
    merged, clashes = merge3(BASE, mine, theirs)
    assert merged == "一、宣導活動\n（一）辦理2場次\n1、A講習\n2、B宣導\n二、檢查\n（一）未辦理（本室補充）"
    assert clashes == []


def test_the_same_line_changed_keeps_mine_and_reports_it():
    mine = BASE.replace("辦理1場次", "辦理1場次，反應良好")
    theirs = BASE.replace("辦理1場次", "辦理2場次")
    merged, clashes = merge3(BASE, mine, theirs)
    assert "辦理1場次，反應良好" in merged and "辦理2場次" not in merged
    assert [(c.mine, c.theirs) for c in clashes] == [(["（一）辦理1場次，反應良好"], ["（一）辦理2場次"])]


def test_nothing_changed_in_the_records_leaves_the_text_alone():
    mine = BASE + "\n三、其他：本室自行補充"
    assert merge3(BASE, mine, BASE) == (mine, [])
    assert changes(BASE, BASE) == []


def test_the_same_change_on_both_sides_is_no_clash():
    theirs = BASE.replace("A講習", "A講習（45人）")
    assert merge3(BASE, theirs, theirs) == (theirs, [])


def test_a_line_the_officer_deleted_stays_deleted_when_the_records_did_not_touch_it():
    mine = BASE.replace("二、檢查\n（一）未辦理", "")
    theirs = BASE.replace("A講習", "A講習（45人）")
    merged, clashes = merge3(BASE, mine.rstrip("\n"), theirs)
    assert merged == "一、宣導活動\n（一）辦理1場次\n1、A講習（45人）" and clashes == []
