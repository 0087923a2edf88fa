"""Stale forms: a form opened on a lead sends the lead's version it saw.

A write on a lead that changed since (another rep's call, a team lead's answer, a
reassignment, a recorded breach) is refused with what changed, who changed it and when;
the form reloads the current values and keeps what the user typed. Fields the user did
not touch are never sent, so they cannot overwrite newer values either.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from models.core.entities import AuditEntry, Lead, User
from models.core.errors import ConcurrentChange, NotFound
from models.core.messages import lead_label


@dataclass(frozen=True)
class LastChange:
    """The newest entry of a lead's audit trail: what was done, by whom, when."""

    action: str
    user_id: int | None
    #: Their name (None: Baton itself, e.g. the minute tick).
    user: str | None
    at: datetime


@dataclass(frozen=True)
class LeadNow:
    """Where a lead stands now, for a form open on it: its version, its owner, and the
    last change recorded (who moved it past the version the form saw)."""

    version: int
    owner_id: int | None
    owner_name: str | None
    last: LastChange | None


def last_change(session: Session, lead_id: int) -> LastChange | None:
    row = session.execute(
        select(AuditEntry.action, AuditEntry.user_id, User.display_name, AuditEntry.at)
        .outerjoin(User, User.id == AuditEntry.user_id)
        .where(AuditEntry.entity == "lead", AuditEntry.entity_id == lead_id)
        .order_by(AuditEntry.id.desc())
        .limit(1)
    ).first()
    return LastChange(*row) if row is not None else None


def lead_now(session: Session, lead_id: int) -> LeadNow:
    owner = aliased(User)
    row = session.execute(
        select(Lead.version, Lead.owner_id, owner.display_name)
        .outerjoin(owner, owner.id == Lead.owner_id)
        .where(Lead.id == lead_id)
    ).first()
    if row is None:
        raise NotFound("lead.not_found", lead_id=lead_id)
    version, owner_id, owner_name = row
    return LeadNow(version, owner_id, owner_name, last_change(session, lead_id))


def refuse_if_changed(session: Session, lead: Lead, seen_version: int | None) -> None:
    """Raise ConcurrentChange if ``lead`` (locked by the caller) moved past ``seen_version``.

    ``None`` means no form saw the lead (a script, the CLI): nothing to compare.
    """
    if seen_version is None or lead.version == seen_version:
        return
    latest = last_change(session, lead.id)
    if latest is None:
        raise ConcurrentChange(
            "lead.changed_meanwhile_unknown", field="version", lead=lead_label(lead)
        )
    raise ConcurrentChange(
        "lead.changed_meanwhile",
        field="version",
        lead=lead_label(lead),
        action=latest.action,
        user=latest.user or "Baton",
        at=latest.at.isoformat(timespec="minutes"),
        seen_version=seen_version,
        version=lead.version,
    )
