"""Handoffs as lists: a field rep's incoming handoffs, the ones overdue for an answer,
and a lead's handoff history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from models.core.entities import Account, Handoff, Lead, User
from models.core.enums import HandoffStatus


@dataclass(frozen=True)
class HandoffRow:
    id: int
    version: int
    lead_id: int
    lead_name: str
    company: str
    status: str
    created_at: datetime
    promoted_by: str | None
    field_rep_id: int | None
    field_rep: str | None
    meeting_at: datetime | None
    response_due_at: datetime | None
    responded_at: datetime | None
    response_code: str | None
    response_reason: str | None
    returned_to: str | None
    definition_version: int | None
    overridden: bool
    note: str | None

    def overdue(self, now: datetime) -> bool:
        return (
            self.status == HandoffStatus.PENDING
            and self.response_due_at is not None
            and self.response_due_at < now
        )


_PROMOTER = aliased(User)
_FIELD = aliased(User)


def _rows() -> Select[Handoff, Lead, Account, str, str]:
    return (
        select(Handoff, Lead, Account, _PROMOTER.display_name, _FIELD.display_name)
        .join(Lead, Lead.id == Handoff.lead_id)
        .join(Account, Account.id == Lead.account_id)
        .outerjoin(_PROMOTER, _PROMOTER.id == Handoff.promoted_by)
        .outerjoin(_FIELD, _FIELD.id == Handoff.field_rep_id)
    )


def _row(record: Any) -> HandoffRow:
    handoff, lead, account, promoter, field = record
    return HandoffRow(
        id=handoff.id,
        version=handoff.version,
        lead_id=lead.id,
        lead_name=lead.name,
        company=account.name,
        status=handoff.status,
        created_at=handoff.created_at,
        promoted_by=promoter,
        field_rep_id=handoff.field_rep_id,
        field_rep=field,
        meeting_at=handoff.meeting_at,
        response_due_at=handoff.response_due_at,
        responded_at=handoff.responded_at,
        response_code=handoff.response_code,
        response_reason=handoff.response_reason,
        returned_to=handoff.returned_to,
        definition_version=handoff.definition_version,
        overridden=handoff.override_reason is not None,
        note=handoff.note,
    )


def incoming(
    session: Session, field_rep_id: int | None, *, pending_only: bool = False
) -> list[HandoffRow]:
    """Handoffs to a field rep (None: to everyone), pending first, the oldest due first."""
    statement = _rows()
    if field_rep_id is not None:
        statement = statement.where(Handoff.field_rep_id == field_rep_id)
    if pending_only:
        statement = statement.where(Handoff.status == HandoffStatus.PENDING.value)
    statement = statement.order_by(
        (Handoff.status != HandoffStatus.PENDING.value),
        Handoff.response_due_at,
        Handoff.created_at.desc(),
        Handoff.id,
    ).limit(2000)
    return [_row(r) for r in session.execute(statement).all()]


def overdue(session: Session, now: datetime) -> list[HandoffRow]:
    """Pending handoffs whose answer was due before ``now`` (the team lead's list)."""
    statement = (
        _rows()
        .where(Handoff.status == HandoffStatus.PENDING.value, Handoff.response_due_at < now)
        .order_by(Handoff.response_due_at, Handoff.id)
    )
    return [_row(r) for r in session.execute(statement).all()]


def overdue_count(session: Session, now: datetime) -> int:
    """How many pending handoffs' answers were due before ``now`` (the status bar's count)."""
    return int(
        session.scalar(
            select(func.count()).where(
                Handoff.status == HandoffStatus.PENDING.value, Handoff.response_due_at < now
            )
        )
        or 0
    )


def lead_handoffs(session: Session, lead_id: int) -> list[HandoffRow]:
    """Every handoff of the lead, newest first."""
    statement = _rows().where(Handoff.lead_id == lead_id).order_by(Handoff.created_at.desc())
    return [_row(r) for r in session.execute(statement).all()]
