"""Checking that a refused action wrote nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.core.entities import LEAD, AuditEntry, Call, Lead, QualificationAnswer, StageChange
from models.core.errors import BatonError
from models.db.database import Database


def lead_row(db: Database, lead_id: int) -> dict[str, Any]:
    with db.read() as session:
        return dict(session.execute(select(LEAD).where(LEAD.c.id == lead_id)).one()._mapping)


def counts(db: Database) -> dict[str, int]:
    with db.read() as session:
        return {
            entity.__name__: int(session.scalar(select(func.count()).select_from(entity)) or 0)
            for entity in (Call, QualificationAnswer, AuditEntry, StageChange, Lead)
        }


def refused(
    db: Database, lead_ids: list[int], error: type[BatonError], action: Callable[[Session], object]
) -> BatonError:
    """Run ``action`` in a transaction that commits anyway; it must raise and write nothing."""
    before_counts = counts(db)
    before_rows = {i: lead_row(db, i) for i in lead_ids}
    # The transaction commits after the refusal: anything written before it would land.
    with db.write() as session, pytest.raises(error) as info:
        action(session)
    assert counts(db) == before_counts
    assert {i: lead_row(db, i) for i in lead_ids} == before_rows
    return info.value
