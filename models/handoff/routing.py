"""Which field rep takes a lead: the team's routing rules, then round-robin.

The first rule matching the lead's company (region, industry, company size) gives its
field reps; the suggestion is the active one among them who was handed a lead least
recently (one never handed a lead first; ties by id), so the work goes round. Never an
inactive rep: a rule whose reps are all inactive is passed over; with no rule matching,
every active field rep of the team takes turns.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.core.entities import Account, Handoff, Lead, User
from models.core.enums import Role
from models.core.errors import NotFound
from models.teams.rules import team_settings_for

_NEVER = datetime.min.replace(tzinfo=UTC)


@dataclass(frozen=True)
class FieldRep:
    id: int
    name: str
    email: str


@dataclass(frozen=True)
class Suggestion:
    #: The field rep suggested (None: the team has no active field rep).
    field_rep_id: int | None
    #: The rule that matched (1-based; None: no rule matched, every field rep in turn).
    rule: int | None
    #: Every active field rep, the suggested one first: what the dialog offers.
    choices: tuple[FieldRep, ...]


def active_field_reps(session: Session) -> list[FieldRep]:
    rows = session.execute(
        select(User.id, User.display_name, User.email)
        .where(User.role == Role.FIELD_REP.value, User.active.is_(True))
        .order_by(User.id)
    ).all()
    return [FieldRep(r.id, r.display_name, r.email) for r in rows]


def suggest_field_rep(session: Session, lead_id: int) -> Suggestion:
    row = session.execute(
        select(Lead, Account).join(Account, Lead.account_id == Account.id).where(Lead.id == lead_id)
    ).first()
    if row is None:
        raise NotFound("lead.not_found", lead_id=lead_id)
    lead, account = row.Lead, row.Account
    reps = active_field_reps(session)
    active_ids = {r.id for r in reps}
    pool: list[int] = []
    matched: int | None = None
    for index, rule in enumerate(team_settings_for(session, lead).routing, start=1):
        if not rule.matches(account.region, account.industry, account.size_band):
            continue
        pool = [rep for rep in rule.field_reps if rep in active_ids]
        if pool:
            matched = index
            break
    if not pool:
        pool = sorted(active_ids)
    chosen = _least_recent(session, pool)
    ordered = sorted(reps, key=lambda r: (r.id != chosen, r.id))
    return Suggestion(chosen, matched, tuple(ordered))


def _least_recent(session: Session, pool: list[int]) -> int | None:
    if not pool:
        return None
    last = dict(
        session.execute(
            select(Handoff.field_rep_id, func.max(Handoff.created_at))
            .where(Handoff.field_rep_id.in_(pool))
            .group_by(Handoff.field_rep_id)
        ).all()
    )
    # Never handed a lead comes first; then the longest since their last; ties by user id.
    return min(pool, key=lambda rep: (rep in last, last.get(rep) or _NEVER, rep))
