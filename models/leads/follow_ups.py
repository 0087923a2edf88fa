"""Follow-ups: callbacks that are due, the speed-to-lead clock, when to give up calling."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from models.core.changes import Changes
from models.core.entities import Account, Call, Lead, User
from models.core.enums import ACTIVE_STAGES, Stage
from models.leads.call_figures import UNANSWERED
from models.scoring.rescore import refresh_due
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


def sweep_sla(session: Session, now: datetime) -> frozenset[int]:
    """Record the breach of every new lead whose first-call deadline passed uncalled."""
    ids = frozenset(
        session.scalars(
            select(Lead.id).where(
                Lead.sla_due_at <= now,
                Lead.sla_met.is_(None),
                Lead.first_call_at.is_(None),
                Lead.stage == Stage.NEW.value,
            )
        )
    )
    if ids:
        session.execute(
            update(Lead)
            .where(Lead.id.in_(ids))
            .values(sla_met=False, sla_breached_at=Lead.sla_due_at),
            execution_options={"synchronize_session": False},
        )
    return ids


def tick(session: Session, now: datetime) -> Changes:
    """The app's minute tick: expire priority boosts, surface due callbacks, record
    speed-to-lead breaches. Cheap when nothing is due (indexed look-ups only)."""
    changes = refresh_due(session, now)
    breached = sweep_sla(session, now)
    if breached:
        changes = changes | Changes(lead_ids=breached)
    return changes


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
