"""Inside-sales activity as Japanese teams count it, per rep, per day and in all: calls,
reaches (a call that reached the person), リーチ率 (reaches ÷ calls), 商談化率 per reach and
per call (promotions ÷ reaches, ÷ calls), calls per hour and talk time per reach.

- Calls are the calls that stand (a corrected call counts once, as corrected), made in
  the period, on the day the rep made them (the team's calendar).
- A promotion counts for the rep who made it, on the day they made it.
- Calls per hour: a rep's calls of a day ÷ the hours from their first to their last
  call that day, at least one hour (a day of one call is one call per hour, not
  infinitely many); a group of days or reps adds the calls and the hours.
- Talk time per reach: the seconds of the reached calls (their recorded duration) ÷ the
  reaches.

Two statements grouped in the database (calls by rep and day, promotions by rep and
day), whatever the number of calls; the rows are folded in Python.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import BigInteger, case, func, literal, select
from sqlalchemy.orm import Session

from models.core.entities import Call, Handoff, User
from models.db.collation import bytewise
from models.leads.call_figures import REACHED
from models.reporting.filters import (
    KpiFilter,
    Window,
    actor_conditions,
    call_conditions,
    handoff_version,
)
from models.reporting.local_time import day_of, local_day_number

#: The fewest hours a day of calls counts for (calls per hour).
MIN_HOURS = 1.0
#: Rep and day in one integer (grouping on one key is cheaper on SQLite): rep × this + day.
_KEY = 100_000


@dataclass(frozen=True)
class ActivityFigures:
    calls: int
    reaches: int
    promotions: int
    #: Seconds of the reached calls.
    talk_seconds: int
    #: The hours the calls per hour are counted over (see the module).
    hours: float
    #: reaches ÷ calls (None: no call; likewise for every rate).
    reach_rate: float | None
    promotions_per_reach: float | None
    promotions_per_call: float | None
    calls_per_hour: float | None
    talk_seconds_per_reach: float | None


@dataclass(frozen=True)
class RepActivity:
    user_id: int
    name: str
    figures: ActivityFigures


@dataclass(frozen=True)
class DayActivity:
    day: date
    figures: ActivityFigures


@dataclass(frozen=True)
class RepDayActivity:
    user_id: int
    day: date
    figures: ActivityFigures


@dataclass(frozen=True)
class Activity:
    total: ActivityFigures
    #: Every rep with a call or a promotion in the period, by name.
    reps: tuple[RepActivity, ...]
    #: Every day of the period, in order (days without activity hold zeros).
    days: tuple[DayActivity, ...]
    #: Each rep's days with a call or a promotion.
    cells: tuple[RepDayActivity, ...]


@dataclass
class _Sum:
    calls: int = 0
    reaches: int = 0
    promotions: int = 0
    talk: int = 0
    hours: float = 0.0

    def add(self, other: _Sum) -> None:
        self.calls += other.calls
        self.reaches += other.reaches
        self.promotions += other.promotions
        self.talk += other.talk
        self.hours += other.hours

    def figures(self) -> ActivityFigures:
        def per(part: float, whole: float) -> float | None:
            return part / whole if whole else None

        return ActivityFigures(
            calls=self.calls,
            reaches=self.reaches,
            promotions=self.promotions,
            talk_seconds=self.talk,
            hours=self.hours,
            reach_rate=per(self.reaches, self.calls),
            promotions_per_reach=per(self.promotions, self.reaches),
            promotions_per_call=per(self.promotions, self.calls),
            calls_per_hour=per(self.calls, self.hours),
            talk_seconds_per_reach=per(self.talk, self.reaches),
        )


def _span_hours(first: datetime, last: datetime) -> float:
    return max(MIN_HOURS, (last - first).total_seconds() / 3600)


def _cells(session: Session, kpi: KpiFilter, span: Window) -> dict[tuple[int, int], _Sum]:
    reached = Call.outcome.in_([o.value for o in REACHED])
    key = (
        Call.user_id * literal(_KEY, BigInteger) + local_day_number(Call.started_at, span.offsets)
    ).label("k")
    calls = session.execute(
        select(
            key,
            func.count(),
            func.sum(case((reached, 1), else_=0)),
            func.sum(case((reached, func.coalesce(Call.duration_seconds, 0)), else_=0)),
            func.min(Call.started_at),
            func.max(Call.started_at),
        )
        .where(*call_conditions(session, kpi, span))
        .group_by(key)
    )
    cells: dict[tuple[int, int], _Sum] = defaultdict(_Sum)
    for k, count, reaches, talk, first, last in calls:
        cell = cells[divmod(int(k), _KEY)]
        cell.calls, cell.reaches, cell.talk = int(count), int(reaches or 0), int(talk or 0)
        cell.hours = _span_hours(first, last)
    day = local_day_number(Handoff.created_at, span.offsets).label("day")
    promotions = session.execute(
        select(Handoff.promoted_by, day, func.count())
        .where(
            Handoff.created_at >= span.start,
            Handoff.created_at < span.end,
            handoff_version(kpi),
            *actor_conditions(session, kpi, Handoff.promoted_by, Handoff.lead_id),
        )
        .group_by(Handoff.promoted_by, day)
    )
    for user_id, number, count in promotions:
        cells[(int(user_id), int(number))].promotions = int(count)
    return cells


def _names(session: Session, ids: set[int]) -> list[tuple[int, str]]:
    if not ids:
        return []
    rows = session.execute(
        select(User.id, User.display_name)
        .where(User.id.in_(sorted(ids)))
        .order_by(bytewise(func.coalesce(User.display_name_kana, User.display_name)), User.id)
    )
    return [(int(i), str(n)) for i, n in rows]


def activity(session: Session, kpi: KpiFilter, span: Window) -> Activity:
    cells = _cells(session, kpi, span)
    total = _Sum()
    per_rep: dict[int, _Sum] = defaultdict(_Sum)
    per_day: dict[date, _Sum] = {day: _Sum() for day in span.days()}
    for (user_id, number), cell in cells.items():
        total.add(cell)
        per_rep[user_id].add(cell)
        per_day.setdefault(day_of(number), _Sum()).add(cell)
    return Activity(
        total=total.figures(),
        reps=tuple(
            RepActivity(user_id, name, per_rep[user_id].figures())
            for user_id, name in _names(session, set(per_rep))
        ),
        days=tuple(DayActivity(day, per_day[day].figures()) for day in sorted(per_day)),
        cells=tuple(
            RepDayActivity(user_id, day_of(number), cells[(user_id, number)].figures())
            for user_id, number in sorted(cells)
        ),
    )
