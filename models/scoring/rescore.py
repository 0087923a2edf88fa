"""Recomputing stored scores and priorities.

:func:`rescore_leads` rescores only the given leads (a new touch rescores only its
lead); :func:`rescore_all` recomputes every lead in chunks, one short write transaction
per chunk so other writers are never blocked for long, with progress and cancel.
:func:`rescore_due` is the schedule the app runs itself every minute: only the leads
whose stored values stopped being right (a boost ran out, or engagement decayed past the
next point of the score, see :func:`next_rescore_at`). All use the same per-chunk code,
so each costs in proportion to the number of leads it touches.

**Never over fresher data.** A chunk locks its leads (``FOR NO KEY UPDATE``, in id
order: models.db.locking) *before* reading what it computes from, and writes before the
lock is released. A call that commits meanwhile either committed before the lock (its
facts are read) or waits until the chunk commits (then rescores the lead itself).

Why locks and not a conditional write (``UPDATE ... WHERE version = :read``, redoing the
losers): rescoring must not bump the lead's version (a form opened before a rescore
would be refused as stale for nothing), so the condition would need another marker
column written by every writer of every fact a score reads; a missed writer would bring
the overwrite back silently. A lock held for one chunk (:data:`CHUNK` leads, about a
tenth of a second) costs a rep at most that wait, and the same rule (lock, then read)
already guards every other write. On SQLite the write transaction is ``BEGIN
IMMEDIATE``: reads and writes of a chunk are serialised against every other writer
already, and the lock clause is dropped.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, bindparam, func, or_, select, update
from sqlalchemy.orm import Session

from models.core.changes import Changes
from models.core.entities import Account, Lead, Touch
from models.db.database import Database
from models.db.locking import in_lock_order
from models.definitions import versions
from models.definitions.scoring_config import ScoringConfig
from models.scoring.priority import Priority, prioritize
from models.scoring.score import SECONDS_PER_DAY, LeadFacts, ScoreResult, score_lead

#: Leads per transaction of a full rescore: each chunk holds its leads' locks while it
#: computes, so a rep saving a call on one of them waits at most one chunk (~0.1 s).
CHUNK = 500
IN_CHUNK = 500
#: Leads the minute tick rescores at most (the rest wait for the next tick): a tick runs
#: on the app's one database worker, before the rep's next save.
TICK_BATCH = 500
#: Leads stored without a schedule the tick schedules at most (cheap: no touches read).
SCHEDULE_BATCH = 1_000
#: A rescore lands just after the score's next point is crossed, never just before it.
_MARGIN = timedelta(milliseconds=1)


@dataclass(frozen=True)
class RescoreReport:
    leads: int
    cancelled: bool


def next_rescore_at(
    result: ScoreResult, priority: Priority, now: datetime, config: ScoringConfig
) -> datetime:
    """When the values computed at ``now`` stop being right, if nothing else happens.

    The earlier of: the priority's time-bound part running out (``priority.until``), and
    engagement decaying past the next point of the rounded score (the grade follows the
    score). All of a lead's touches decay by the same factor, so the raw engagement at
    ``now + d`` is ``raw * exp(-λd)`` and the moment the score drops a point has a closed
    form. (A touch dated in the future decays later: the computed moment is then early,
    never late, and the rescore then simply schedules the next one.) A score that
    cannot move any more is looked at again after one half-life.
    """
    horizon = now + timedelta(days=config.half_life_days)
    candidates = [horizon]
    if priority.until is not None:
        candidates.append(priority.until)
    drops = _score_drops_after(
        result.score, result.fit, result.engagement, result.engagement_raw, config
    )
    if drops is not None:
        candidates.append(now + timedelta(seconds=drops) + _MARGIN)
    return max(min(candidates), now + _MARGIN)


def _score_drops_after(
    score: int, fit: float, engagement: float, engagement_raw: float, config: ScoringConfig
) -> float | None:
    """Seconds until decay takes the rounded score one point down (None: never)."""
    if score <= 0 or engagement_raw <= 0:
        return None
    # The score drops once fit + engagement falls below score - 0.5 (clamping included:
    # a score held at 100 drops once the sum falls below 99.5).
    target = score - 0.5 - fit
    if target <= 0:
        return None  # engagement never falls below zero
    if target >= engagement:
        return 0.0  # on the edge already (rounding)
    raw_target = -config.saturation * math.log1p(-target / config.engagement_max)
    decay_per_second = math.log(2) / (config.half_life_days * SECONDS_PER_DAY)
    return math.log(engagement_raw / raw_target) / decay_per_second


def _stored_schedule(
    score: int,
    fit: float,
    engagement: float,
    priority_until: datetime | None,
    scored_at: datetime,
    config: ScoringConfig,
) -> datetime:
    """:func:`next_rescore_at` from a lead's stored values (as of its ``scored_at``),
    without its touches: the raw engagement follows from the stored (saturated) one.
    The stored values are rounded to 3 decimals: taken 0.001 lower, so the time found is
    a little early, never late."""
    low_fit, low_engagement = fit - 0.001, max(engagement - 0.001, 0.0)
    raw = -config.saturation * math.log1p(-min(low_engagement / config.engagement_max, 0.999))
    candidates = [scored_at + timedelta(days=config.half_life_days)]
    if priority_until is not None:
        candidates.append(priority_until)
    drops = _score_drops_after(score, low_fit, low_engagement, raw, config)
    if drops is not None:
        candidates.append(scored_at + timedelta(seconds=drops))
    return min(candidates)


#: The stored facts a lead's derived columns are computed from (with its company's);
#: select them joined to Account, and pass a row to :func:`derive`.
FACTS = (
    Lead.id,
    Lead.stage,
    Lead.call_attempts,
    Lead.mql_at,
    Lead.title,
    Lead.next_callback_at,
    Lead.last_call_at,
    Lead.unanswered_streak,
    Lead.phone_invalid,
    Account.industry,
    Account.size_band,
    Account.region,
)


def derive(
    facts: Any, touches: Iterable[tuple[str, datetime]], now: datetime, config: ScoringConfig
) -> dict[str, Any]:
    """The derived columns of one lead (score, grade, priority, why now, when to look
    again) from its stored facts (a row with the :data:`FACTS` columns) at ``now``."""
    result = score_lead(
        LeadFacts(facts.industry, facts.size_band, facts.title, facts.region),
        touches,
        now,
        config,
    )
    priority = prioritize(
        result,
        stage=facts.stage,
        call_attempts=facts.call_attempts,
        mql_at=facts.mql_at,
        now=now,
        config=config,
        next_callback_at=facts.next_callback_at,
        last_call_at=facts.last_call_at,
        unanswered_streak=facts.unanswered_streak,
        phone_invalid=facts.phone_invalid,
    )
    return {
        "fit_score": round(result.fit, 3),
        "engagement_score": round(result.engagement, 3),
        "score": result.score,
        "grade": result.grade,
        "priority": priority.value,
        "why_now": priority.why_now,
        "priority_until": priority.until,
        "rescore_due_at": next_rescore_at(result, priority, now, config),
        "last_touch_at": result.last_touch_at,
    }


def _rescore_where(
    session: Session,
    lead_where: ColumnElement[bool],
    touch_where: Callable[[list[int]], ColumnElement[bool]],
    now: datetime,
    config: ScoringConfig,
    *,
    skip_locked: bool = False,
) -> list[int]:
    """Lock the leads matching ``lead_where`` (id order), read their facts and touches
    under the lock, and write their derived columns. Returns the ids rescored."""
    leads = session.execute(
        in_lock_order(
            select(*FACTS).join(Account, Account.id == Lead.account_id).where(lead_where),
            skip_locked=skip_locked,
        )
    ).all()
    if not leads:
        return []
    ids = [lead.id for lead in leads]
    touches: dict[int, list[tuple[str, datetime]]] = {}
    for lead_id, kind, occurred_at in session.execute(
        select(Touch.lead_id, Touch.kind, Touch.occurred_at).where(touch_where(ids))
    ):
        touches.setdefault(lead_id, []).append((kind, occurred_at))
    updates = [
        {"_id": lead.id, "scored_at": now} | derive(lead, touches.get(lead.id, ()), now, config)
        for lead in leads
    ]
    # Core executemany, in id order, on rows this transaction holds: derived columns
    # only, so the optimistic-lock version is untouched (a rescore never makes a form
    # stale).
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
            rescore_due_at=bindparam("rescore_due_at"),
            last_touch_at=bindparam("last_touch_at"),
            scored_at=bindparam("scored_at"),
        ),
        updates,
    )
    return ids


def _touches_of(ids: list[int]) -> ColumnElement[bool]:
    return one_of(Touch.lead_id, ids)


def one_of(column: Any, ids: list[int]) -> ColumnElement[bool]:
    """``column IN ids``; ``=`` for one id, the common case of a use case rescoring its
    lead: an expanding IN is rendered anew on every run (about 1 ms for the long
    statements here), an ``=`` is not."""
    condition: ColumnElement[bool] = column == ids[0] if len(ids) == 1 else column.in_(ids)
    return condition


def _rescore_ids(
    session: Session,
    lead_ids: Iterable[int],
    now: datetime,
    config: ScoringConfig,
    *,
    where: ColumnElement[bool] | None = None,
    skip_locked: bool = False,
) -> list[int]:
    """Rescore ``lead_ids`` in ascending chunks (the one lock order)."""
    ids = sorted(set(lead_ids))
    done: list[int] = []
    for start in range(0, len(ids), IN_CHUNK):
        chunk = one_of(Lead.id, ids[start : start + IN_CHUNK])
        done += _rescore_where(
            session,
            chunk if where is None else chunk & where,
            _touches_of,
            now,
            config,
            skip_locked=skip_locked,
        )
    return done


def rescore_leads(
    session: Session,
    lead_ids: Iterable[int],
    now: datetime,
    config: ScoringConfig | None = None,
) -> int:
    """Rescore the given leads inside the caller's transaction (locking them, in id
    order; a lead the caller has locked already is not waited for)."""
    config = config or versions.active(session).scoring
    return len(_rescore_ids(session, lead_ids, now, config))


def _never_scored() -> ColumnElement[bool]:
    return Lead.rescore_due_at.is_(None) & Lead.scored_at.is_(None)


def unscheduled() -> ColumnElement[bool]:
    """Leads scored without a schedule (by code before schema 0003, or a bulk load such
    as the demo): :func:`schedule_unscheduled` gives them one from their stored values."""
    return Lead.rescore_due_at.is_(None) & Lead.scored_at.is_not(None)


def is_due(now: datetime) -> ColumnElement[bool]:
    """Leads whose stored score or priority must be recomputed by ``now`` (or that were
    never scored, or whose boost ran out on a row written without a schedule)."""
    return or_(Lead.rescore_due_at <= now, _never_scored(), Lead.priority_until <= now)


def due_candidates(session: Session, now: datetime, limit: int = TICK_BATCH) -> list[int]:
    """Up to ``limit`` ids of leads due (read without a lock: the caller locks them and
    re-checks). Most urgent first: boosts that ran out, then the decay schedule, then
    leads never scored. Each is one look-up on its own index."""
    found: dict[int, None] = {}
    for where in (Lead.priority_until <= now, Lead.rescore_due_at <= now, _never_scored()):
        room = limit - len(found)
        if room <= 0:
            break
        found.update(dict.fromkeys(session.scalars(select(Lead.id).where(where).limit(room))))
    return list(found)


def rescore_due(
    session: Session,
    now: datetime,
    *,
    limit: int = TICK_BATCH,
    among: Iterable[int] | None = None,
) -> set[int]:
    """Rescore the leads due by ``now`` (at most ``limit``); returns their ids.

    Cheap when nothing is due (indexed look-ups only), so the app runs it every minute.
    Never waits: a lead another transaction holds (a rep saving a call on it, a full
    rescore's chunk) is rescored by that transaction or at the next tick. ``among``:
    only those leads (the caller has locked them already).
    """
    candidates = due_candidates(session, now, limit) if among is None else list(among)
    if not candidates:
        return set()
    config = versions.active(session).scoring
    return set(_rescore_ids(session, candidates, now, config, where=is_due(now), skip_locked=True))


def unscheduled_candidates(session: Session, limit: int = SCHEDULE_BATCH) -> list[int]:
    """Up to ``limit`` ids of :func:`unscheduled` leads (unlocked; the caller locks)."""
    return list(session.scalars(select(Lead.id).where(unscheduled()).limit(limit)))


def schedule_unscheduled(
    session: Session, *, among: Iterable[int] | None = None, limit: int = SCHEDULE_BATCH
) -> set[int]:
    """Give :func:`unscheduled` leads their ``rescore_due_at`` from their stored values
    (no touches read, nothing recomputed: cheap); returns their ids.

    Locked in id order like every write of a lead, skipping leads another transaction
    holds (it rescores them, which schedules them). ``among``: only those leads.
    """
    ids = sorted(unscheduled_candidates(session, limit) if among is None else set(among))
    if not ids:
        return set()
    config = versions.active(session).scoring
    updates: list[dict[str, Any]] = []
    for start in range(0, len(ids), IN_CHUNK):
        rows = session.execute(
            in_lock_order(
                select(
                    Lead.id,
                    Lead.score,
                    Lead.fit_score,
                    Lead.engagement_score,
                    Lead.priority_until,
                    Lead.scored_at,
                ).where(Lead.id.in_(ids[start : start + IN_CHUNK]), unscheduled()),
                skip_locked=True,
            )
        ).all()
        updates += [
            {
                "_id": r.id,
                "rescore_due_at": _stored_schedule(
                    r.score, r.fit_score, r.engagement_score, r.priority_until, r.scored_at, config
                ),
            }
            for r in rows
        ]
    if updates:
        session.connection().execute(
            update(Lead)
            .where(Lead.id == bindparam("_id"))
            .values(rescore_due_at=bindparam("rescore_due_at")),
            updates,
        )
    return {u["_id"] for u in updates}


def refresh_due(session: Session, now: datetime) -> Changes:
    """Expire boosts and follow decay (the schedule above); report what moved."""
    schedule_unscheduled(session)
    due = rescore_due(session, now)
    return Changes(lead_ids=frozenset(due), queue=bool(due))


def rescore_all(
    db: Database,
    now: datetime,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> RescoreReport:
    """Recompute every lead (decay moves with time). Runs on a worker thread.

    One write transaction per chunk of ids, in ascending order; each chunk locks its
    leads before reading them (see the module docstring).
    """
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

        def in_range(_ids: list[int], start: int = start, end: int = end) -> ColumnElement[bool]:
            return (Touch.lead_id >= start) & (Touch.lead_id < end)

        with db.write() as session:
            done += len(
                _rescore_where(session, (Lead.id >= start) & (Lead.id < end), in_range, now, config)
            )
        if progress is not None:
            progress(done, total)
        start = end
    return RescoreReport(done, False)
