"""The criteria of a handoff definition: typed data, never code.

A definition's criteria are a tree: an ``all``/``any`` group of criteria, each one of
the kinds below, groups nested as deep as the team likes. They are stored as plain data
(JSON in the database, TOML in a file for review) and read back through :func:`parse`,
which names the path of anything wrong ("criteria.items[2].within_days").

The kinds:

- ``score_at_least``: the lead's score is at least ``score``;
- ``grade_in``: the lead's grade is one of ``grades``;
- ``touches``: touches of ``kinds`` within the last ``within_days`` days, ``match`` being
  ``any`` (one of them), ``all`` (each of them) or ``count`` (at least ``count`` of them);
- ``bant``: the current answer to the BANT ``field`` is one of ``values``;
- ``reached``: a call that stands reached the prospect;
- ``meeting_booked``: the lead has a meeting booked;
- ``fit``: the company's ``attribute`` (industry, size_band, region) is one of ``values``;
- ``all`` / ``any``: a group of ``items``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from models.core.enums import BANT_VALUES, BantField, Grade, Industry, Region, SizeBand, TouchKind
from models.core.errors import InvalidInput

#: The longest a within-days window may be (ten years): a typo of 3650 vs 36500 is caught.
MAX_DAYS = 3650
#: How deep groups may nest: deeper than this no one can read the sentence any more.
MAX_DEPTH = 5


class Match(StrEnum):
    ANY = "any"
    ALL = "all"
    COUNT = "count"


class FitAttribute(StrEnum):
    INDUSTRY = "industry"
    SIZE_BAND = "size_band"
    REGION = "region"


FIT_VALUES: dict[str, tuple[str, ...]] = {
    FitAttribute.INDUSTRY: tuple(i.value for i in Industry),
    FitAttribute.SIZE_BAND: tuple(s.value for s in SizeBand),
    FitAttribute.REGION: tuple(r.value for r in Region),
}


@dataclass(frozen=True)
class ScoreAtLeast:
    score: int
    kind: str = "score_at_least"


@dataclass(frozen=True)
class GradeIn:
    grades: tuple[str, ...]
    kind: str = "grade_in"


@dataclass(frozen=True)
class Touches:
    kinds: tuple[str, ...]
    within_days: int
    match: str = Match.ANY
    #: For ``match = count``: how many touches of those kinds at least.
    count: int = 1
    kind: str = "touches"


@dataclass(frozen=True)
class BantIn:
    field: str
    values: tuple[str, ...]
    kind: str = "bant"


@dataclass(frozen=True)
class Reached:
    kind: str = "reached"


@dataclass(frozen=True)
class MeetingBooked:
    kind: str = "meeting_booked"


@dataclass(frozen=True)
class FitIn:
    attribute: str
    values: tuple[str, ...]
    kind: str = "fit"


@dataclass(frozen=True)
class Group:
    """``all`` (every item) or ``any`` (at least one item) of ``items``."""

    kind: str
    items: tuple[Criterion, ...]


Criterion = ScoreAtLeast | GradeIn | Touches | BantIn | Reached | MeetingBooked | FitIn | Group
GROUP_KINDS = ("all", "any")
KINDS = (
    "score_at_least",
    "grade_in",
    "touches",
    "bant",
    "reached",
    "meeting_booked",
    "fit",
    *GROUP_KINDS,
)

#: No criteria (every lead would meet it): a draft starts here; it cannot be proposed.
EMPTY = Group("all", ())


# -- Reading -------------------------------------------------------------------------------


def _refuse(path: str, value: object, expected: str) -> InvalidInput:
    return InvalidInput(
        "criteria.invalid", field=path, path=path, value=_shown(value), expected=expected
    )


def _shown(value: object) -> str:
    text = repr(value) if not isinstance(value, str) else value
    return text if len(text) <= 80 else text[:77] + "..."


def _int(data: Mapping[str, Any], name: str, path: str, low: int, high: int) -> int:
    value = data.get(name)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _refuse(f"{path}.{name}", value, f"a whole number from {low} to {high}")
    return value


def _codes(
    data: Mapping[str, Any], name: str, path: str, allowed: Sequence[str]
) -> tuple[str, ...]:
    value = data.get(name)
    expected = "a list of one or more of " + ", ".join(allowed)
    if not isinstance(value, list | tuple) or not value:
        raise _refuse(f"{path}.{name}", value, expected)
    seen: list[str] = []
    for index, item in enumerate(value):
        if not isinstance(item, str) or item not in allowed:
            raise _refuse(f"{path}.{name}[{index}]", item, "one of " + ", ".join(allowed))
        if item not in seen:
            seen.append(item)
    return tuple(seen)


def _choice(data: Mapping[str, Any], name: str, path: str, allowed: Sequence[str]) -> str:
    value = data.get(name)
    if not isinstance(value, str) or value not in allowed:
        raise _refuse(f"{path}.{name}", value, "one of " + ", ".join(allowed))
    return value


_KEYS: dict[str, frozenset[str]] = {
    "score_at_least": frozenset({"kind", "score"}),
    "grade_in": frozenset({"kind", "grades"}),
    "touches": frozenset({"kind", "kinds", "within_days", "match", "count"}),
    "bant": frozenset({"kind", "field", "values"}),
    "reached": frozenset({"kind"}),
    "meeting_booked": frozenset({"kind"}),
    "fit": frozenset({"kind", "attribute", "values"}),
    "all": frozenset({"kind", "items"}),
    "any": frozenset({"kind", "items"}),
}


def parse(data: object, path: str = "criteria", depth: int = 0) -> Criterion:
    """The criterion ``data`` describes; InvalidInput names the path of what is wrong."""
    if not isinstance(data, Mapping):
        raise _refuse(path, data, "a table with a kind")
    kind = _choice(data, "kind", path, KINDS)
    unknown = sorted(set(data) - _KEYS[kind])
    if unknown:
        raise _refuse(
            f"{path}.{unknown[0]}", unknown[0], "one of " + ", ".join(sorted(_KEYS[kind]))
        )
    if kind in GROUP_KINDS:
        if depth >= MAX_DEPTH:
            raise _refuse(path, kind, f"groups nested at most {MAX_DEPTH} deep")
        items = data.get("items", [])
        if not isinstance(items, list | tuple):
            raise _refuse(f"{path}.items", items, "a list of criteria")
        return Group(
            kind,
            tuple(
                parse(item, f"{path}.items[{index}]", depth + 1) for index, item in enumerate(items)
            ),
        )
    if kind == "score_at_least":
        return ScoreAtLeast(_int(data, "score", path, 0, 100))
    if kind == "grade_in":
        return GradeIn(_codes(data, "grades", path, [g.value for g in Grade]))
    if kind == "touches":
        match = data.get("match", Match.ANY.value)
        match = _choice({"match": match}, "match", path, [m.value for m in Match])
        count = _int(data, "count", path, 1, 1000) if "count" in data else 1
        if "count" in data and match != Match.COUNT:
            raise _refuse(f"{path}.count", count, "no count unless match = count")
        return Touches(
            _codes(data, "kinds", path, [t.value for t in TouchKind]),
            _int(data, "within_days", path, 1, MAX_DAYS),
            match,
            count,
        )
    if kind == "bant":
        field = _choice(data, "field", path, [f.value for f in BantField])
        return BantIn(field, _codes(data, "values", path, BANT_VALUES[field]))
    if kind == "reached":
        return Reached()
    if kind == "meeting_booked":
        return MeetingBooked()
    attribute = _choice(data, "attribute", path, [a.value for a in FitAttribute])
    return FitIn(attribute, _codes(data, "values", path, FIT_VALUES[attribute]))


def to_data(criterion: Criterion) -> dict[str, Any]:
    """Plain data for ``criterion`` (what :func:`parse` reads back), keys in a fixed order."""
    if isinstance(criterion, Group):
        return {"kind": criterion.kind, "items": [to_data(item) for item in criterion.items]}
    if isinstance(criterion, ScoreAtLeast):
        return {"kind": criterion.kind, "score": criterion.score}
    if isinstance(criterion, GradeIn):
        return {"kind": criterion.kind, "grades": list(criterion.grades)}
    if isinstance(criterion, Touches):
        data: dict[str, Any] = {
            "kind": criterion.kind,
            "kinds": list(criterion.kinds),
            "within_days": criterion.within_days,
            "match": criterion.match,
        }
        if criterion.match == Match.COUNT:
            data["count"] = criterion.count
        return data
    if isinstance(criterion, BantIn):
        return {"kind": criterion.kind, "field": criterion.field, "values": list(criterion.values)}
    if isinstance(criterion, FitIn):
        return {
            "kind": criterion.kind,
            "attribute": criterion.attribute,
            "values": list(criterion.values),
        }
    return {"kind": criterion.kind}


def root(criterion: Criterion) -> Group:
    """``criterion`` as the top-level group the checklist lists (a lone criterion: all of it)."""
    return criterion if isinstance(criterion, Group) else Group("all", (criterion,))
