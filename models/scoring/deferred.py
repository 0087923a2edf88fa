"""Rescoring after a bulk write (an import): its batches make their leads due at once
(:func:`schedule_now`, in each batch's transaction), and the leads are rescored once each
after the last batch, a chunk per short write transaction (:func:`rescore_in_chunks`).
Leads a stopped import left due are rescored by the minute tick
(:func:`models.scoring.rescore.rescore_due`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from sqlalchemy import update
from sqlalchemy.orm import Session

from models.core.entities import Lead
from models.db.database import Database
from models.db.locking import lead_ids_for_update
from models.scoring.rescore import CHUNK, IN_CHUNK, one_of, rescore_leads


def schedule_now(session: Session, lead_ids: Iterable[int], now: datetime) -> None:
    """Make the leads due for a rescore at ``now`` (locked in id order, in the caller's
    transaction): a bulk write (an import's batch) that rescores them after its last
    batch leaves them due for the minute tick if it never gets there."""
    ids = sorted(set(lead_ids))
    for start in range(0, len(ids), IN_CHUNK):
        locked = lead_ids_for_update(session, one_of(Lead.id, ids[start : start + IN_CHUNK]))
        if locked:
            session.execute(
                update(Lead)
                .where(one_of(Lead.id, locked))
                .values(rescore_due_at=now)
                .execution_options(synchronize_session=False)
            )


def rescore_in_chunks(
    db: Database,
    lead_ids: Iterable[int],
    now: datetime,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Rescore ``lead_ids``, one short write transaction per :data:`CHUNK` of them."""
    ids = sorted(set(lead_ids))
    done = 0
    for start in range(0, len(ids), CHUNK):
        with db.write() as session:
            done += rescore_leads(session, ids[start : start + CHUNK], now)
        if progress is not None:
            progress(min(start + CHUNK, len(ids)), len(ids))
    return done
