"""Why leads went back (失注理由の分類と傾向), per month (per week for a period of eight
weeks or less): returns to nurture by reason, field sales' rejections by reason, and
promotions a team lead made over the definition (overrides).

- A return to nurture counts on the day the lead went back, with its reason code; a
  lead field sales rejected back to nurture counts as ``handoff_rejected``.
- A rejection counts on the day field sales answered, with its reason code.
- An override counts on the day of the promotion.

Buckets are cut on the team's calendar; the first and last may be partial (the month
the period starts in is labelled by its first day). Three small grouped statements.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, String, case, func, literal, select
from sqlalchemy.orm import Session

from models.core.entities import Handoff, StageChange
from models.core.enums import HandoffStatus, Stage
from models.reporting.filters import KpiFilter, Window, handoff_version, lead_of_row
from models.reporting.local_time import bucket_index

#: Periods of at most this many days are counted per week.
WEEKLY_UP_TO_DAYS = 56
#: The reason a rejection back to nurture leaves (``handoff_rejected:<code>``), as one code.
REJECTED_TO_NURTURE = "handoff_rejected"
OTHER = "other"


@dataclass(frozen=True)
class ReasonCounts:
    code: str
    #: One count per bucket.
    counts: tuple[int, ...]
    total: int


@dataclass(frozen=True)
class ReasonTrend:
    #: "week" or "month".
    unit: str
    #: The first day of each bucket (a Monday, or the 1st of a month).
    buckets: tuple[date, ...]
    #: Most frequent first.
    returns: tuple[ReasonCounts, ...]
    rejections: tuple[ReasonCounts, ...]
    overrides: tuple[int, ...]
    overrides_total: int


def bucket_starts(span: Window) -> tuple[str, list[date]]:
    """The unit and the first day of each bucket the period touches."""
    first, last = span.period.first, span.period.last
    if span.period.days <= WEEKLY_UP_TO_DAYS:
        monday = first - timedelta(days=first.weekday())
        return "week", [monday + timedelta(weeks=n) for n in range((last - monday).days // 7 + 1)]
    starts, month = [], first.replace(day=1)
    while month <= last:
        starts.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    return "month", starts


def _counted(
    session: Session,
    code: ColumnElement[Any] | None,
    at: Any,
    conditions: Sequence[ColumnElement[bool]],
    span: Window,
    starts: list[date],
) -> dict[str, list[int]]:
    """Per code (or one code, ``""``), the count in each bucket."""
    bucket = bucket_index(at, [span.midnight(day) for day in starts[1:]]).label("bucket")
    label = (code if code is not None else literal("", String)).label("code")
    statement = select(label, bucket, func.count()).where(
        at >= span.start, at < span.end, *conditions
    )
    statement = statement.group_by(bucket) if code is None else statement.group_by(label, bucket)
    counts: dict[str, list[int]] = defaultdict(lambda: [0] * len(starts))
    for name, index, count in session.execute(statement):
        counts[str(name or "")][int(index)] += int(count)
    return counts


def _ranked(counts: dict[str, list[int]]) -> tuple[ReasonCounts, ...]:
    rows = [ReasonCounts(code, tuple(n), sum(n)) for code, n in counts.items()]
    return tuple(sorted(rows, key=lambda r: (-r.total, r.code)))


def return_reason() -> ColumnElement[str]:
    """A return's reason code (a rejection to nurture as :data:`REJECTED_TO_NURTURE`)."""
    return case(
        (StageChange.reason.like(f"{REJECTED_TO_NURTURE}:%"), REJECTED_TO_NURTURE),
        else_=func.coalesce(StageChange.reason, OTHER),
    )


def reason_trend(session: Session, kpi: KpiFilter, span: Window) -> ReasonTrend:
    unit, starts = bucket_starts(span)
    returns = _counted(
        session,
        return_reason(),
        StageChange.changed_at,
        [
            StageChange.to_stage == Stage.RECYCLED.value,
            *lead_of_row(session, kpi, StageChange.lead_id),
        ],
        span,
        starts,
    )
    handoffs = [handoff_version(kpi), *lead_of_row(session, kpi, Handoff.lead_id)]
    rejections = _counted(
        session,
        func.coalesce(Handoff.response_code, OTHER),
        Handoff.responded_at,
        [Handoff.status == HandoffStatus.REJECTED.value, *handoffs],
        span,
        starts,
    )
    overrides = _counted(
        session,
        None,
        Handoff.created_at,
        [Handoff.override_reason.is_not(None), *handoffs],
        span,
        starts,
    ).get("", [0] * len(starts))
    return ReasonTrend(
        unit=unit,
        buckets=tuple(starts),
        returns=_ranked(returns),
        rejections=_ranked(rejections),
        overrides=tuple(overrides),
        overrides_total=sum(overrides),
    )
