"""Speed to lead: how long the period's MQLs waited for their first call, and the share
called within the team's target (the lead's ``sla_met``, decided when the first call is
made or its deadline passes, in business time: :mod:`models.scoring.sla`).

The leads are the funnel's (MQL in the period), counted with it
(:mod:`models.reporting.cohort`).
"""

from __future__ import annotations

from dataclasses import dataclass

#: (key, at most this many seconds after the MQL date); the last two: later, never.
SPEED_BUCKETS: tuple[tuple[str, int], ...] = (
    ("5m", 5 * 60),
    ("1h", 60 * 60),
    ("4h", 4 * 60 * 60),
    ("24h", 24 * 60 * 60),
)
LATER = "over_24h"
NOT_CALLED = "not_called"
#: The index of the leads not called yet (after the buckets and "later").
NOT_CALLED_INDEX = len(SPEED_BUCKETS) + 1


@dataclass(frozen=True)
class SpeedBucket:
    key: str
    leads: int


@dataclass(frozen=True)
class SpeedToLead:
    leads: int
    buckets: tuple[SpeedBucket, ...]
    sla_met: int
    sla_missed: int
    #: Not decided yet: not called and the deadline still ahead.
    sla_pending: int
    #: met ÷ (met + missed) (None: none decided).
    sla_share: float | None


def speed_to_lead(per_bucket: dict[int, int], met: int, missed: int) -> SpeedToLead:
    """From the leads per bucket index (:func:`models.reporting.cohort.cohort_counts`)."""
    keys = [key for key, _ in SPEED_BUCKETS] + [LATER, NOT_CALLED]
    buckets = tuple(SpeedBucket(key, per_bucket.get(n, 0)) for n, key in enumerate(keys))
    leads = sum(b.leads for b in buckets)
    decided = met + missed
    return SpeedToLead(
        leads=leads,
        buckets=buckets,
        sla_met=met,
        sla_missed=missed,
        sla_pending=leads - decided,
        sla_share=met / decided if decided else None,
    )
