import pytest

from tests.plans import factories as f


@pytest.fixture
def plan(world):
    return f.plan_make(world)


def sections_data(sections):
    return {**{f"section_{s['key']}": s["body"] for s in sections},
            **{f"heading_{s['key']}": s["heading"] for s in sections}}


def edit_data(plan, **overrides):
    """The edit form's POST for a plan, as the page would send it."""
    data = {"version": plan.version, "title": plan.title, "election_name": plan.election_name,
            "period_start": "112/1/16", "period_end": "112/1/30", "result_workdays": plan.result_workdays}
    data.update(sections_data(plan.sections))
    for prefix in ("ref", "duty", "contact"):
        data.update({f"{prefix}-TOTAL_FORMS": "2", f"{prefix}-INITIAL_FORMS": "0"})
    data.update(overrides)
    return data
