"""Loading a record that a write is about to change, locked against concurrent writers.

On PostgreSQL the row is locked (``SELECT ... FOR UPDATE``); SQLite has no row locks and
serialises writers with ``BEGIN IMMEDIATE`` instead (models.db.database). Either way the
version column still guards against a change that slipped in between read and write.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.core.entities import Lead
from models.core.errors import NotFound


def lead_for_update(session: Session, lead_id: int) -> Lead:
    lead = session.scalars(select(Lead).where(Lead.id == lead_id).with_for_update()).first()
    if lead is None:
        raise NotFound("lead.not_found", lead_id=lead_id)
    return lead
