"""Posts: who answers for something — a role in an agency or in one of its units, or one named person —
and the people that answers to on a given day.

Other apps never name roles (the roles are orgs' business): they ask for a post by what it is —
`unit_head(agency_id, unit_id)`, `unit_liaisons(...)`, `ethics_officers(agency_id)`,
`agency_head(agency_id)`, `person(person_id)` — and `resolve()` turns posts into holders:

- the people who hold the role there;
- a holder who is away (a Deputy row covers the day) is replaced by their deputy, marked acting_for;
- nobody at all: the post is vacant. The vacancy rule is the caller's to apply (an approval chain
  goes on to its next step's holder), with `fallback()` (the agency's ethics officers) as the last resort.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from anwei.orgs import policy
from anwei.orgs.models import Deputy, Membership, Person, Role

R = Role
UNIT_ROLES = frozenset({R.UNIT_HEAD, R.UNIT_LIAISON})


@dataclass(frozen=True)
class Post:
    role: str = ""
    agency_id: int | None = None
    unit_id: int | None = None
    person_id: int | None = None  # a post of one named person (their own return report): no deputy

    def title(self, unit_name: str = "") -> str:
        """In words: 綜合企劃科單位主管, 政風人員, 機關首長."""
        if self.person_id is not None:
            return "本人"
        return f"{unit_name}{Role(self.role).label}"


def unit_head(agency_id: int, unit_id: int) -> Post:
    return Post(R.UNIT_HEAD, agency_id, unit_id)


def unit_liaisons(agency_id: int, unit_id: int) -> Post:
    return Post(R.UNIT_LIAISON, agency_id, unit_id)


def ethics_officers(agency_id: int) -> Post:
    return Post(R.ETHICS_OFFICER, agency_id)


def agency_head(agency_id: int) -> Post:
    return Post(R.AGENCY_HEAD, agency_id)


def superior_officers(agency_id: int) -> Post:
    """The superior ethics office's officers at `agency_id`, who oversee the agencies below it."""
    return Post(R.SUPERIOR_OFFICER, agency_id)


def person(person_id: int) -> Post:
    return Post(person_id=person_id)


def fallback(post: Post) -> Post:
    """Who answers for a vacant post when nothing nearer does: the agency's ethics officers."""
    return ethics_officers(post.agency_id)


def is_unit_head(post: Post) -> bool:
    return post.role == R.UNIT_HEAD


@dataclass(frozen=True)
class Holder:
    person_id: int
    acting_for_id: int | None = None  # the absent holder this person stands in for (代理)


def _away(on: dt.date) -> dict[int, int]:
    """Absent person → deputy, for every deputy arrangement in force on `on` (one query, few rows)."""
    return dict(Deputy.objects.filter(starts_on__lte=on, ends_on__gte=on, cancelled_at__isnull=True,
                                      deputy__is_active=True)
                .order_by("starts_on", "id").values_list("person_id", "deputy_id"))


def resolve(posts: Iterable[Post], on: dt.date) -> dict[Post, list[Holder]]:
    """Each post's holders on `on`, deputies in place of the absent; [] for a vacant post.
    Two queries whatever the number of posts."""
    posts = set(posts)
    role_posts = [p for p in posts if p.person_id is None]
    by_key: dict[tuple[str, int], list[tuple[int, int | None]]] = defaultdict(list)
    if role_posts:
        agencies = {p.agency_id for p in role_posts}
        rows = Membership.objects.filter(role__in={p.role for p in role_posts}, person__is_active=True)
        if len(agencies) <= 500:  # beyond that (the national reminder pass) one scan of the roles is cheaper
            rows = rows.filter(agency_id__in=agencies)
        for person_id, agency_id, unit_id, role in rows.values_list("person_id", "agency_id", "unit_id", "role"):
            by_key[(role, agency_id)].append((person_id, unit_id))
    away = _away(on)
    out: dict[Post, list[Holder]] = {}
    for p in posts:
        if p.person_id is not None:
            out[p] = [Holder(p.person_id)]
            continue
        ids = sorted({pid for pid, unit in by_key.get((p.role, p.agency_id), ())
                      if p.role not in UNIT_ROLES or unit == p.unit_id})
        holders = []
        for pid in ids:
            holder = Holder(away[pid], pid) if pid in away and away[pid] != pid else Holder(pid)
            if holder not in holders:
                holders.append(holder)
        out[p] = holders
    return out


def holders(post: Post, on: dt.date) -> list[Holder]:
    return resolve([post], on)[post]


def unit_heads_vacant(units: Iterable[tuple[int, int]], on: dt.date) -> set[tuple[int, int]]:
    """Of these (agency id, unit id), the units with nobody as unit head on `on` (two queries)."""
    units = set(units)
    if not units:
        return set()
    found = resolve({unit_head(a, u) for a, u in units}, on)
    return {(a, u) for a, u in units if not found[unit_head(a, u)]}


def record_label(person: Person, *, acting_for: Person | None = None, vacancy: str = "", verb: str = "") -> str:
    """How a decision record names who decided: 職稱姓名, with 代理 and the absent holder's name, or with
    the vacancy that sent the step to them (「綜合企劃科單位主管出缺，代為核決」)."""
    name = person.display_with_title()
    if acting_for is not None:
        return f"{name}（代理 {acting_for.display_with_title()}）"
    return f"{name}（{vacancy}，代為{verb}）" if vacancy else name


def held_by(person: Person, post: Post) -> Holder | None:
    """How `person` holds `post` today, from their grants (no query): in their own right, as the deputy
    of an absent holder (acting_for_id set), or not at all (None)."""
    if post.person_id is not None:
        return Holder(person.pk) if post.person_id == person.pk else None
    found = None
    for m in policy.grants(person).memberships:
        if m.role == post.role and m.agency_id == post.agency_id and (
                post.role not in UNIT_ROLES or m.unit_id == post.unit_id):
            principal = getattr(m, "acting_for", None)
            if principal is None:
                return Holder(person.pk)
            found = found or Holder(person.pk, principal.pk)
    return found


def agencies_held(person: Person, post_of) -> set[int]:
    """The agencies where `person` holds (or stands in for) the post `post_of(agency_id)` names today."""
    return {a.pk for a in policy.member_agencies(person) if held_by(person, post_of(a.pk))}


def names(person_ids: Iterable[int]) -> dict[int, str]:
    """Display names (職稱姓名) of people, one query."""
    return {p.pk: p.display_with_title() for p in Person.objects.filter(pk__in=set(person_ids))
            .only("pk", "full_name", "title", "username")}


def is_agency_head(person: Person, agency_id: int) -> bool:
    return any(m.role == R.AGENCY_HEAD and m.agency_id == agency_id and getattr(m, "acting_for", None) is None
               for m in policy.grants(person).memberships)
