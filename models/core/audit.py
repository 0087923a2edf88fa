"""The audit trail: who changed what, when, with the values before and after."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from models.core.entities import AuditEntry, Lead, StageChange


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def snapshot(obj: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    """The named attributes of ``obj`` as JSON-ready values."""
    return {name: _plain(getattr(obj, name)) for name in fields}


def record(
    session: Session,
    *,
    user_id: int | None,
    entity: str,
    entity_id: int,
    action: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    at: datetime,
) -> None:
    session.add(
        AuditEntry(
            at=at,
            user_id=user_id,
            entity=entity,
            entity_id=entity_id,
            action=action,
            before={k: _plain(v) for k, v in before.items()} if before is not None else None,
            after={k: _plain(v) for k, v in after.items()} if after is not None else None,
        )
    )


def move_stage(
    session: Session,
    lead: Lead,
    to_stage: str,
    *,
    user_id: int | None,
    at: datetime,
    reason: str | None = None,
    note: str | None = None,
) -> None:
    """Move a lead to another stage, recording the transition (who, when, why)."""
    session.add(
        StageChange(
            lead_id=lead.id,
            from_stage=lead.stage,
            to_stage=str(to_stage),
            reason=reason,
            note=note,
            changed_by=user_id,
            changed_at=at,
        )
    )
    lead.stage = str(to_stage)
    lead.stage_changed_at = at
