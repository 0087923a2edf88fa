"""Recomputing stored scores and priorities.

:func:`rescore_leads` rescores only the given leads (a new touch rescores only its
lead); :func:`rescore_all` recomputes every lead in chunks, one short write transaction
per chunk so other writers are never blocked for long, with progress and cancel.
Both use the same per-chunk code, so the incremental path costs in proportion to the
number of leads it touches.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, bindparam, func, select, update
from sqlalchemy.orm import Session

from models.core.changes import Changes
from models.core.entities import Account, Lead, Touch
from models.db.database import Database
from models.definitions import versions
from models.definitions.scoring_config import ScoringConfig
from models.scoring.priority import prioritize
from models.scoring.score import LeadFacts, score_lead

CHUNK = 2_000
IN_CHUNK = 500


@dataclass(frozen=True)
class RescoreReport:
    leads: int
    cancelled: bool


def _rescore_where(
    session: Session,
    lead_where: ColumnElement[bool],
    touch_where: ColumnElement[bool],
    now: datetime,
    config: ScoringConfig,
) -> int:
    leads = session.execute(
        select(
            Lead.id,
            Lead.stage,
            Lead.call_attempts,
            Lead.mql_at,
            Lead.title,
            Lead.next_callback_at,
            Lead.last_call_at,
            Lead.unanswered_streak,
            Account.industry,
            Account.size_band,
            Account.region,
        )
        .join(Account, Account.id == Lead.account_id)
        .where(lead_where)
    ).all()
    if not leads:
        return 0
    touches: dict[int, list[tuple[str, datetime]]] = {}
    for lead_id, kind, occurred_at in session.execute(
        select(Touch.lead_id, Touch.kind, Touch.occurred_at).where(touch_where)
    ):
        touches.setdefault(lead_id, []).append((kind, occurred_at))
    updates: list[dict[str, Any]] = []
    for lead in leads:
        result = score_lead(
            LeadFacts(lead.industry, lead.size_band, lead.title, lead.region),
            touches.get(lead.id, ()),
            now,
            config,
        )
        priority = prioritize(
            result,
            stage=lead.stage,
            call_attempts=lead.call_attempts,
            mql_at=lead.mql_at,
            now=now,
            config=config,
            next_callback_at=lead.next_callback_at,
            last_call_at=lead.last_call_at,
            unanswered_streak=lead.unanswered_streak,
        )
        updates.append(
            {
                "_id": lead.id,
                "fit_score": round(result.fit, 3),
                "engagement_score": round(result.engagement, 3),
                "score": result.score,
                "grade": result.grade,
                "priority": priority.value,
                "why_now": priority.why_now,
                "priority_until": priority.until,
                "last_touch_at": result.last_touch_at,
                "scored_at": now,
            }
        )
    # Core executemany: derived columns only, so the optimistic-lock version is untouched.
    session.connection().execute(
        update(Lead)
        .where(Lead.id == bindparam("_id"))
        .values(
            fit_score=bindparam("fit_score"),
            engagement_score=bindparam("engagement_score"),
            score=bindparam("score"),
            grade=bindparam("grade"),
            priority=bindparam("priority"),
            why_now=bindparam("why_now"),
            priority_until=bindparam("priority_until"),
            last_touch_at=bindparam("last_touch_at"),
            scored_at=bindparam("scored_at"),
        ),
        updates,
    )
    return len(updates)


def rescore_leads(
    session: Session,
    lead_ids: Sequence[int] | set[int],
    now: datetime,
    config: ScoringConfig | None = None,
) -> int:
    """Rescore the given leads inside the caller's transaction."""
    config = config or versions.active(session).scoring
    ids = sorted(set(lead_ids))
    done = 0
    for start in range(0, len(ids), IN_CHUNK):
        chunk = ids[start : start + IN_CHUNK]
        done += _rescore_where(session, Lead.id.in_(chunk), Touch.lead_id.in_(chunk), now, config)
    return done


def rescore_due(session: Session, now: datetime) -> set[int]:
    """Rescore the leads whose time-bound boost has run out; returns their ids.

    Cheap when nothing is due (one indexed lookup), so the app runs it every minute.
    """
    due = set(session.scalars(select(Lead.id).where(Lead.priority_until <= now)))
    if due:
        rescore_leads(session, due, now)
    return due


def refresh_due(session: Session, now: datetime) -> Changes:
    """The use case behind the app's minute timer: expire boosts, report what moved."""
    due = rescore_due(session, now)
    return Changes(lead_ids=frozenset(due), queue=bool(due))


def rescore_all(
    db: Database,
    now: datetime,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> RescoreReport:
    """Recompute every lead (decay moves with time). Runs on a worker thread."""
    with db.read() as session:
        low, high, total = session.execute(
            select(func.min(Lead.id), func.max(Lead.id), func.count(Lead.id))
        ).one()
        config = versions.active(session).scoring
    if total == 0:
        return RescoreReport(0, False)
    done = 0
    start = low
    while start <= high:
        if cancelled is not None and cancelled():
            return RescoreReport(done, True)
        end = start + CHUNK
        with db.write() as session:
            done += _rescore_where(
                session,
                (Lead.id >= start) & (Lead.id < end),
                (Touch.lead_id >= start) & (Touch.lead_id < end),
                now,
                config,
            )
        if progress is not None:
            progress(done, total)
        start = end
    return RescoreReport(done, False)
