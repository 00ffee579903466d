from anwei.orgs import policy
from anwei.orgs.selectors import agency_list


def test_roles_hold_actions_in_their_own_agency_only(world):
    assert policy.may(world.officer, "audit.view", world.bureau)
    assert not policy.may(world.officer, "audit.view", world.county)
    assert not policy.may(world.staff, "audit.view", world.bureau)
    assert not policy.may(world.other_officer, "audit.view", world.bureau)


def test_superior_officer_holds_subtree_actions(world):
    assert policy.may(world.superior, "audit.view", world.bureau)
    assert policy.may(world.superior, "audit.view", world.city)
    assert not policy.may(world.superior, "audit.view", world.county)


def test_agency_list_is_scoped(world):
    assert set(agency_list(person=world.officer)) == {world.bureau}
    assert set(agency_list(person=world.superior)) == {world.city, world.bureau}
    assert set(agency_list(person=world.other_officer)) == {world.county}


def test_unit_scoped_roles_need_their_unit(world):
    class Thing:
        def __init__(self, agency, unit):
            self.agency, self.unit_id = agency, unit.pk

    policy.RULES["_test.unit"] = policy.rule(policy.R.ETHICS_OFFICER, unit=(policy.R.UNIT_LIAISON,))
    try:
        own = Thing(world.bureau, world.units["秘書室"])
        other = Thing(world.bureau, world.units["綜合企劃科"])
        assert policy.may(world.liaison, "_test.unit", own)
        assert not policy.may(world.liaison, "_test.unit", other)
        assert policy.may(world.officer, "_test.unit", other)
        scope = policy.scope(world.liaison, "_test.unit")
        assert scope.unit_ids == {world.units["秘書室"].pk} and not scope.agency_ids
    finally:
        del policy.RULES["_test.unit"]
