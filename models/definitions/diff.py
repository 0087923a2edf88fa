"""What changed between two definition versions, as plain data to put into words.

Criteria are matched inside each group, not by position: first the items that are equal,
then those of the same kind and subject (the BANT field, the company attribute, the
touches with the most kinds in common, groups with each other), so moving a criterion or
widening a window reads as one change, not as a removal and an addition. What is left
over was added or removed. Scoring settings are compared leaf by leaf (a weight, the
half-life, a grade's threshold): each one that differs, from X to Y.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from models.definitions import lifecycle
from models.definitions.criteria import (
    BantIn,
    Criterion,
    FitIn,
    GradeIn,
    Group,
    ScoreAtLeast,
    Touches,
)
from models.definitions.records import VersionDetail

ADDED = "added"
REMOVED = "removed"
CHANGED = "changed"


@dataclass(frozen=True)
class FieldChange:
    """One property of a criterion: ``within_days`` 30 → 90, ``values`` gained/lost codes."""

    name: str
    before: Any
    after: Any
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()


@dataclass(frozen=True)
class CriterionChange:
    #: ``added``, ``removed`` or ``changed``.
    change: str
    #: Where it is (the new version's path; the old one's for a removal).
    path: str
    before: Criterion | None
    after: Criterion | None
    #: The group it belongs to (None: the top of the tree).
    parent: Group | None
    fields: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class SettingChange:
    """One scoring setting: ``("engagement", "half_life_days")`` 30 → 45 (None: absent)."""

    path: tuple[str, ...]
    before: Any
    after: Any


@dataclass(frozen=True)
class DefinitionDiff:
    old_version: int
    new_version: int
    #: (old name, new name), None when the name is the same.
    name: tuple[str, str] | None
    criteria: tuple[CriterionChange, ...]
    scoring: tuple[SettingChange, ...]

    @property
    def empty(self) -> bool:
        return self.name is None and not self.criteria and not self.scoring


# -- Criteria ------------------------------------------------------------------------------


def _subject(criterion: Criterion) -> tuple[str, ...]:
    """What a criterion is about: two with the same subject are one criterion changed."""
    if isinstance(criterion, Group):
        return ("group",)
    if isinstance(criterion, BantIn):
        return ("bant", criterion.field)
    if isinstance(criterion, FitIn):
        return ("fit", criterion.attribute)
    return (criterion.kind,)


def _likeness(a: Criterion, b: Criterion) -> int:
    """How alike two criteria of one subject are (higher: matched first)."""
    if isinstance(a, Touches) and isinstance(b, Touches):
        return len(set(a.kinds) & set(b.kinds)) * 2 + (a.within_days == b.within_days)
    if isinstance(a, Group) and isinstance(b, Group):
        return (a.kind == b.kind) * 1000 + sum(1 for item in a.items if item in b.items)
    return 0


def _codes(before: Sequence[str], after: Sequence[str], name: str) -> FieldChange | None:
    if tuple(before) == tuple(after):
        return None
    return FieldChange(
        name,
        tuple(before),
        tuple(after),
        added=tuple(v for v in after if v not in before),
        removed=tuple(v for v in before if v not in after),
    )


def _fields(a: Criterion, b: Criterion) -> tuple[FieldChange, ...]:
    found: list[FieldChange | None] = []
    if isinstance(a, ScoreAtLeast) and isinstance(b, ScoreAtLeast):
        found.append(FieldChange("score", a.score, b.score) if a.score != b.score else None)
    elif isinstance(a, GradeIn) and isinstance(b, GradeIn):
        found.append(_codes(a.grades, b.grades, "grades"))
    elif isinstance(a, BantIn | FitIn) and isinstance(b, BantIn | FitIn):
        found.append(_codes(a.values, b.values, "values"))
    elif isinstance(a, Touches) and isinstance(b, Touches):
        found.append(_codes(a.kinds, b.kinds, "kinds"))
        for name in ("within_days", "match", "count"):
            old, new = getattr(a, name), getattr(b, name)
            found.append(FieldChange(name, old, new) if old != new else None)
    elif isinstance(a, Group) and isinstance(b, Group) and a.kind != b.kind:
        found.append(FieldChange("kind", a.kind, b.kind))
    return tuple(f for f in found if f is not None)


def _pairs(old: Sequence[Criterion], new: Sequence[Criterion]) -> list[tuple[int, int]]:
    """Which old item is which new one: equal ones, then alike ones of one subject."""
    pairs: list[tuple[int, int]] = []
    free_old, free_new = list(range(len(old))), list(range(len(new)))
    for j in list(free_new):
        i = next((i for i in free_old if old[i] == new[j]), None)
        if i is not None:
            pairs.append((i, j))
            free_old.remove(i)
            free_new.remove(j)
    candidates = sorted(
        (
            (-_likeness(old[i], new[j]), abs(i - j), i, j)
            for i in free_old
            for j in free_new
            if _subject(old[i]) == _subject(new[j])
        ),
    )
    for _score, _distance, i, j in candidates:
        if i in free_old and j in free_new:
            pairs.append((i, j))
            free_old.remove(i)
            free_new.remove(j)
    return pairs


def _diff_group(
    old: Group, new: Group, old_path: str, new_path: str, out: list[CriterionChange]
) -> None:
    pairs = _pairs(old.items, new.items)
    matched_old = {i for i, _j in pairs}
    matched_new = {j for _i, j in pairs}
    for i, item in enumerate(old.items):
        if i not in matched_old:
            out.append(CriterionChange(REMOVED, f"{old_path}.items[{i}]", item, None, new))
    old_of = {j: i for i, j in pairs}
    for j, item in enumerate(new.items):
        if j not in matched_new:
            out.append(CriterionChange(ADDED, f"{new_path}.items[{j}]", None, item, new))
            continue
        i = old_of[j]
        _diff_items(
            old.items[i], item, f"{old_path}.items[{i}]", f"{new_path}.items[{j}]", new, out
        )


def _diff_items(
    a: Criterion,
    b: Criterion,
    old_path: str,
    new_path: str,
    parent: Group | None,
    out: list[CriterionChange],
) -> None:
    if a == b:
        return
    fields = _fields(a, b)
    if fields or not isinstance(a, Group):
        out.append(CriterionChange(CHANGED, new_path, a, b, parent, fields))
    if isinstance(a, Group) and isinstance(b, Group):
        inner: list[CriterionChange] = []
        _diff_group(a, b, old_path, new_path, inner)
        out.extend(inner)


def diff_criteria(old: Criterion, new: Criterion) -> tuple[CriterionChange, ...]:
    """Each criterion added, removed or changed from ``old`` to ``new``, tree order."""
    out: list[CriterionChange] = []
    if isinstance(old, Group) and isinstance(new, Group):
        if old.kind != new.kind:
            out.append(CriterionChange(CHANGED, "criteria", old, new, None, _fields(old, new)))
        _diff_group(old, new, "criteria", "criteria", out)
    elif old != new:
        out.append(CriterionChange(CHANGED, "criteria", old, new, None, _fields(old, new)))
    return tuple(out)


# -- Scoring -------------------------------------------------------------------------------


def _leaves(data: Any, path: tuple[str, ...] = ()) -> dict[tuple[str, ...], Any]:
    if isinstance(data, Mapping):
        found: dict[tuple[str, ...], Any] = {}
        for key, value in data.items():
            found.update(_leaves(value, (*path, str(key))))
        return found
    return {path: list(data) if isinstance(data, list | tuple) else data}


def diff_scoring(old: Mapping[str, Any], new: Mapping[str, Any]) -> tuple[SettingChange, ...]:
    """Every scoring setting whose value differs, in the new version's order."""
    before, after = _leaves(old), _leaves(new)
    keys = [*after, *(k for k in before if k not in after)]
    return tuple(
        SettingChange(key, before.get(key), after.get(key))
        for key in keys
        if before.get(key) != after.get(key)
    )


def diff_details(old: VersionDetail, new: VersionDetail) -> DefinitionDiff:
    return DefinitionDiff(
        old.version,
        new.version,
        (old.name, new.name) if old.name != new.name else None,
        diff_criteria(old.criteria, new.criteria),
        diff_scoring(old.scoring_data, new.scoring_data),
    )


def diff_versions(session: Session, old: int, new: int) -> DefinitionDiff:
    """What changed from version ``old`` to version ``new`` (either may be older)."""
    return diff_details(
        lifecycle.version_detail(session, old), lifecycle.version_detail(session, new)
    )
