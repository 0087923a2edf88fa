"""Logging and correcting calls (the call dialog's Save)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject

from desktop.operations.runner import Op, Operations
from models.leads import calls
from models.leads.calls import CallDraft, CallLogged

INITIATOR = "call-dialog"


def log_call(
    ops: Operations, user_id: int, draft: CallDraft, now: datetime, owner: QObject | None = None
) -> Op[CallLogged]:
    return ops.write(
        lambda session: calls.log_call(session, user_id, draft, now),
        initiator=INITIATOR,
        owner=owner,
    )


def correct_call(
    ops: Operations,
    user_id: int,
    call_id: int,
    draft: CallDraft,
    now: datetime,
    owner: QObject | None = None,
) -> Op[CallLogged]:
    return ops.write(
        lambda session: calls.correct_call(session, user_id, call_id, draft, now),
        initiator=INITIATOR,
        owner=owner,
    )
