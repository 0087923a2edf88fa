"""Stale forms: a form opened on a lead sends the lead's version it saw.

A write on a lead that changed since (another rep's call, a team lead's answer, a
reassignment, a recorded breach) is refused with what changed, who changed it and when;
the form reloads the current values and keeps what the user typed. Fields the user did
not touch are never sent, so they cannot overwrite newer values either.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.core.entities import AuditEntry, Lead, User
from models.core.errors import ConcurrentChange
from models.core.messages import lead_label


def refuse_if_changed(session: Session, lead: Lead, seen_version: int | None) -> None:
    """Raise ConcurrentChange if ``lead`` (locked by the caller) moved past ``seen_version``.

    ``None`` means no form saw the lead (a script, the CLI): nothing to compare.
    """
    if seen_version is None or lead.version == seen_version:
        return
    latest = session.execute(
        select(AuditEntry.action, AuditEntry.at, User.display_name)
        .outerjoin(User, User.id == AuditEntry.user_id)
        .where(AuditEntry.entity == "lead", AuditEntry.entity_id == lead.id)
        .order_by(AuditEntry.id.desc())
        .limit(1)
    ).first()
    if latest is None:
        raise ConcurrentChange(
            "lead.changed_meanwhile_unknown", field="version", lead=lead_label(lead)
        )
    action, at, user_name = latest
    raise ConcurrentChange(
        "lead.changed_meanwhile",
        field="version",
        lead=lead_label(lead),
        action=action,
        user=user_name or "Baton",
        at=at.isoformat(timespec="minutes"),
        seen_version=seen_version,
        version=lead.version,
    )
