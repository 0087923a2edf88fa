"""The minute tick and due callbacks: background work that never opens a dialog."""

from __future__ import annotations

from datetime import datetime

from desktop.operations.runner import Op, Operations
from models.core.changes import Changes
from models.leads import follow_ups
from models.leads.follow_ups import DueCallback

INITIATOR = "tick"


def tick(ops: Operations, now: datetime) -> Op[Changes]:
    """Expire priority boosts, record speed-to-lead breaches."""
    return ops.write(
        lambda session: follow_ups.minute_tick(session, now), initiator=INITIATOR, background=True
    )


def due_callbacks(ops: Operations, user_id: int, now: datetime) -> Op[list[DueCallback]]:
    return ops.read(
        lambda session: follow_ups.due_callbacks(session, now, owner_id=user_id),
        background=True,
    )
