"""初回接点後の商談化率 (of the leads reached, the share promoted) and the time from MQL to
promotion (案件化までの期間): its median and its distribution in days.

The leads are the funnel's (:mod:`models.reporting.funnel`): MQL in the period; the time
runs from the MQL date to the lead's first handoff after it. Counted with the funnel
(:mod:`models.reporting.cohort`); the median is taken from the times grouped there.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ScalarSelect, func, select

from models.core.entities import Handoff, Lead
from models.reporting.filters import KpiFilter, handoff_version
from models.reporting.local_time import DAY_SECONDS

#: The distribution's buckets: (key, from days inclusive); each runs to the next one's start.
DAY_BUCKETS: tuple[tuple[str, int], ...] = (
    ("0-1", 0),
    ("1-3", 1),
    ("3-7", 3),
    ("7-14", 7),
    ("14-30", 14),
    ("30+", 30),
)


@dataclass(frozen=True)
class Bucket:
    key: str
    leads: int


@dataclass(frozen=True)
class Conversion:
    reached: int
    promoted: int
    #: promoted ÷ reached (None: nobody reached).
    rate: float | None
    #: The median days from MQL to promotion (None: nobody promoted).
    median_days: float | None
    buckets: tuple[Bucket, ...]


def first_promotion(
    kpi: KpiFilter, *, lead_id: Any = None, since: Any = None
) -> ScalarSelect[datetime]:
    """When the lead (``lead_id``, by default ``Lead.id``) was first handed off since
    ``since`` (by default its MQL date)."""
    lead = Lead.id if lead_id is None else lead_id
    after = Lead.mql_at if since is None else since
    return (
        select(func.min(Handoff.created_at))
        .where(Handoff.lead_id == lead, Handoff.created_at >= after, handoff_version(kpi))
        .scalar_subquery()
    )


def median_days(times: Sequence[tuple[int, int]]) -> float | None:
    """The median of seconds given as (seconds, how many), in days (None: none)."""
    total = sum(n for _, n in times)
    if not total:
        return None
    wanted = {(total - 1) // 2, total // 2}  # the middle one, or the middle two
    found: list[int] = []
    seen = 0
    for value, n in sorted(times):
        found += [value] * len(wanted & set(range(seen, seen + n)))
        seen += n
    return sum(found) / len(found) / DAY_SECONDS


def conversion(reached: int, promoted: int, times: Sequence[tuple[int, int]]) -> Conversion:
    """The rate from the funnel's ``reached`` and ``promoted``; the times of those promoted
    as (seconds, leads) (:func:`models.reporting.cohort.cohort_counts`)."""
    edges = [days * DAY_SECONDS for _, days in DAY_BUCKETS[1:]]
    counts = [0] * len(DAY_BUCKETS)
    for seconds, n in times:
        counts[bisect_right(edges, seconds)] += n
    return Conversion(
        reached=reached,
        promoted=promoted,
        rate=promoted / reached if reached else None,
        median_days=median_days(times),
        buckets=tuple(Bucket(key, n) for (key, _), n in zip(DAY_BUCKETS, counts, strict=True)),
    )
