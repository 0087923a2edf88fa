"""Follow-ups: callbacks that are due, the speed-to-lead clock, when to give up calling."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from models.core import audit
from models.core.changes import Changes
from models.core.entities import Account, Call, Lead, User
from models.core.enums import ACTIVE_STAGES, Stage
from models.db.locking import lead_ids_for_update, leads_for_update
from models.definitions.approval import activate_due
from models.leads.call_figures import UNANSWERED
from models.leads.reentry import return_from_nurture
from models.scoring.rescore import (
    IN_CHUNK,
    TICK_BATCH,
    due_candidates,
    is_due,
    rescore_due,
    schedule_unscheduled,
    unscheduled,
    unscheduled_candidates,
)
from models.teams.settings import TeamSettings

_ACTIVE = [s.value for s in ACTIVE_STAGES]


@dataclass(frozen=True)
class DueCallback:
    lead_id: int
    name: str
    company: str
    phone: str | None
    callback_at: datetime
    owner_id: int | None
    owner_name: str | None


def due_callbacks(
    session: Session, now: datetime, *, owner_id: int | None = None
) -> list[DueCallback]:
    """Callbacks due by ``now`` (oldest first) for one rep or everyone."""
    statement = (
        select(
            Lead.id,
            Lead.name,
            Account.name,
            Lead.phone,
            Lead.next_callback_at,
            Lead.owner_id,
            User.display_name,
        )
        .join(Account, Account.id == Lead.account_id)
        .outerjoin(User, User.id == Lead.owner_id)
        .where(
            Lead.next_callback_at <= now,
            Lead.stage.in_(_ACTIVE),
            Lead.do_not_call.is_(False),
        )
        .order_by(Lead.next_callback_at, Lead.id)
    )
    if owner_id is not None:
        statement = statement.where(Lead.owner_id == owner_id)
    due = []
    for lead_id, name, company, phone, callback_at, owner, owner_name in session.execute(statement):
        assert callback_at is not None  # filtered above
        due.append(DueCallback(lead_id, name, company, phone, callback_at, owner, owner_name))
    return due


def overdue_count(session: Session, now: datetime, *, owner_id: int | None = None) -> int:
    statement = select(func.count(Lead.id)).where(
        Lead.next_callback_at <= now, Lead.stage.in_(_ACTIVE), Lead.do_not_call.is_(False)
    )
    if owner_id is not None:
        statement = statement.where(Lead.owner_id == owner_id)
    return int(session.scalar(statement) or 0)


def _breached(now: datetime) -> ColumnElement[bool]:
    """New leads whose first-call deadline passed uncalled, breach not yet recorded."""
    return (
        (Lead.sla_due_at <= now)
        & Lead.sla_met.is_(None)
        & Lead.first_call_at.is_(None)
        & (Lead.stage == Stage.NEW.value)
    )


_SLA_AUDIT = ("sla_met", "sla_breached_at")


def sweep_sla(
    session: Session, now: datetime, *, among: Iterable[int] | None = None
) -> frozenset[int]:
    """Record the breach of every new lead whose first-call deadline passed uncalled.

    The same path as every other write of a lead: locked (id order, skipping a lead a
    rep is saving right now: that call settles its speed to lead, or the next tick
    records the breach), changed through the ORM (its version moves, so a form opened
    before sees the change) and audited (``sla_breached``, by nobody: the clock).
    ``among`` restricts the sweep to leads the caller holds already.
    """
    if among is None:
        leads = leads_for_update(session, _breached(now), skip_locked=True)
    else:
        ids = sorted(set(among))
        leads = []
        for start in range(0, len(ids), IN_CHUNK):
            chunk = Lead.id.in_(ids[start : start + IN_CHUNK])
            leads += leads_for_update(session, chunk & _breached(now), skip_locked=True)
    for lead in leads:
        before = audit.snapshot(lead, _SLA_AUDIT)
        lead.sla_met = False
        lead.sla_breached_at = lead.sla_due_at
        audit.record(
            session,
            user_id=None,
            entity="lead",
            entity_id=lead.id,
            action="sla_breached",
            before=before,
            after=audit.snapshot(lead, _SLA_AUDIT),
            at=now,
        )
    session.flush()
    return frozenset(lead.id for lead in leads)


def tick(session: Session, now: datetime) -> Changes:
    """The app's minute tick: expire priority boosts, follow the decay of scores, surface
    due callbacks, record speed-to-lead breaches. Cheap when nothing is due (indexed
    look-ups only).

    Everything it writes is locked first, in one statement per ascending chunk of ids
    (the one order, models.db.locking), with ``SKIP LOCKED``: the tick never waits for a
    rep's save or a full rescore, so it can never be part of a deadlock; what it skips
    is done at the next tick.
    """
    candidates = set(due_candidates(session, now))
    candidates.update(session.scalars(select(Lead.id).where(_breached(now)).limit(TICK_BATCH)))
    candidates.update(unscheduled_candidates(session))
    if not candidates:
        return Changes()
    ids = sorted(candidates)
    held: list[int] = []
    for start in range(0, len(ids), IN_CHUNK):
        chunk = Lead.id.in_(ids[start : start + IN_CHUNK])
        held += lead_ids_for_update(
            session, chunk & (is_due(now) | _breached(now) | unscheduled()), skip_locked=True
        )
    schedule_unscheduled(session, among=held)
    breached = sweep_sla(session, now, among=held)
    due = rescore_due(session, now, among=held)
    return Changes(lead_ids=frozenset(breached | due), queue=bool(due))


def minute_tick(session: Session, now: datetime) -> Changes:
    """Everything the app does every minute: :func:`tick`, the leads whose re-entry date
    from nurture has come, and a handoff definition whose effective date has come (its
    ``definition`` change asks the app to rescore every lead, after this transaction)."""
    activation = activate_due(session, now)
    return tick(session, now) | return_from_nurture(session, now) | activation.changes


def should_suggest_recycle(
    session: Session, lead_id: int, settings: TeamSettings, now: datetime
) -> bool:
    """True after ``max_unanswered`` unanswered attempts within ``period_days``."""
    since = now - timedelta(days=settings.period_days)
    unanswered = session.scalar(
        select(func.count(Call.id)).where(
            Call.lead_id == lead_id,
            Call.superseded.is_(False),
            Call.started_at >= since,
            Call.outcome.in_([o.value for o in UNANSWERED]),
        )
    )
    return int(unanswered or 0) >= settings.max_unanswered
