"""How many handoffs wait past their answer's due time (the team lead's status bar)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject

from desktop.operations.runner import Op, Operations
from models.handoff import inbox


def overdue_count(ops: Operations, now: datetime, owner: QObject) -> Op[int]:
    return ops.read(lambda session: inbox.overdue_count(session, now), owner=owner, background=True)
