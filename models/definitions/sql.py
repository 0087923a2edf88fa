"""A definition's criteria as SQL over the lead table, for every lead at once.

The queue filters ("meets the definition", "one criterion away"), the what-if and the
counts run here, in the database: 100,000 leads evaluated in one statement. The rules
are those of :mod:`models.definitions.evaluate` (a test keeps the two in agreement on
both databases); what they read of a lead is kept on the lead row for that purpose
(``reached_at``, ``bant_*``, ``next_meeting_at``), touches are looked up by index.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import (
    ColumnElement,
    and_,
    case,
    exists,
    false,
    func,
    literal,
    or_,
    select,
    true,
)

from models.core.entities import ACCOUNT, LEAD, TOUCH
from models.definitions.criteria import (
    BantIn,
    Criterion,
    FitIn,
    GradeIn,
    Group,
    Match,
    MeetingBooked,
    Reached,
    ScoreAtLeast,
    Touches,
)
from models.definitions.evaluate import MEETING_GRACE

_L = LEAD.c
_A = ACCOUNT.c
_T = TOUCH.c

_BANT_COLUMNS = {
    "budget": _L.bant_budget,
    "authority": _L.bant_authority,
    "need": _L.bant_need,
    "timeline": _L.bant_timeline,
}
_FIT_COLUMNS = {"industry": _A.industry, "size_band": _A.size_band, "region": _A.region}


def condition(criterion: Criterion, now: datetime) -> ColumnElement[bool]:
    """True for the leads (joined with their account) that meet ``criterion`` at ``now``."""
    if isinstance(criterion, Group):
        parts = [condition(item, now) for item in criterion.items]
        if criterion.kind == "all":
            return and_(true(), *parts)
        return or_(false(), *parts)
    if isinstance(criterion, ScoreAtLeast):
        return _L.score >= criterion.score
    if isinstance(criterion, GradeIn):
        return _L.grade.in_(criterion.grades)
    if isinstance(criterion, Touches):
        return _touches(criterion, now)
    if isinstance(criterion, BantIn):
        return _BANT_COLUMNS[criterion.field].in_(criterion.values)
    if isinstance(criterion, Reached):
        return _L.reached_at.is_not(None)
    if isinstance(criterion, MeetingBooked):
        return _L.next_meeting_at >= now - MEETING_GRACE
    assert isinstance(criterion, FitIn)
    return _FIT_COLUMNS[criterion.attribute].in_(criterion.values)


def _touches(criterion: Touches, now: datetime) -> ColumnElement[bool]:
    cutoff = now - timedelta(days=criterion.within_days)

    def recent(kinds: tuple[str, ...]) -> ColumnElement[bool]:
        return and_(_T.lead_id == _L.id, _T.occurred_at >= cutoff, _T.kind.in_(kinds))

    if criterion.match == Match.ALL:
        return and_(*(exists().where(recent((kind,))) for kind in criterion.kinds))
    if criterion.match == Match.COUNT:
        counted = select(func.count()).where(recent(criterion.kinds)).scalar_subquery()
        return counted >= criterion.count
    return exists().where(recent(criterion.kinds))


def missing(criterion: Criterion, now: datetime, dialect: str) -> ColumnElement[int]:
    """How many criteria a lead lacks to meet ``criterion`` (0: it meets it).

    The count :attr:`models.definitions.evaluate.Check.missing` gives: a leaf 0 or 1, an
    ``all`` group the sum of its items, an ``any`` group the smallest of its items.
    """
    if isinstance(criterion, Group):
        parts = [missing(item, now, dialect) for item in criterion.items]
        if not parts:
            return literal(0) if criterion.kind == "all" else literal(1)
        if len(parts) == 1:
            return parts[0]
        if criterion.kind == "all":
            total = parts[0]
            for part in parts[1:]:
                total = total + part
            return total
        # Several arguments: SQLite's scalar min(), PostgreSQL's least().
        smallest = func.least if dialect == "postgresql" else func.min
        return smallest(*parts)
    return case((condition(criterion, now), 0), else_=1)
