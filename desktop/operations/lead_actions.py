"""Taking a lead out of the queue (return to nurture, disqualify, do not call), and
entering a new number for it."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject

from desktop.operations.runner import Op, Operations
from models.core.changes import Changes
from models.leads import actions, phones
from models.leads.actions import RecycleInput

INITIATOR = "lead-actions"


def recycle(
    ops: Operations, user_id: int, data: RecycleInput, now: datetime, owner: QObject | None = None
) -> Op[Changes]:
    return ops.write(
        lambda session: actions.recycle(session, user_id, data, now),
        initiator=INITIATOR,
        owner=owner,
    )


def disqualify(
    ops: Operations,
    user_id: int,
    lead_id: int,
    reason: str,
    note: str,
    now: datetime,
    seen_version: int | None,
    owner: QObject | None = None,
) -> Op[Changes]:
    return ops.write(
        lambda session: actions.disqualify(
            session, user_id, lead_id, reason, note, now, seen_version
        ),
        initiator=INITIATOR,
        owner=owner,
    )


def mark_do_not_call(
    ops: Operations,
    user_id: int,
    lead_id: int,
    now: datetime,
    seen_version: int | None,
    owner: QObject | None = None,
) -> Op[Changes]:
    return ops.write(
        lambda session: actions.mark_do_not_call(session, user_id, lead_id, "", now, seen_version),
        initiator=INITIATOR,
        owner=owner,
    )


def update_phone(
    ops: Operations,
    user_id: int,
    lead_id: int,
    typed: str,
    now: datetime,
    seen_version: int | None,
    owner: QObject | None = None,
) -> Op[Changes]:
    return ops.write(
        lambda session: phones.update_phone(session, user_id, lead_id, typed, now, seen_version),
        owner=owner,
    )
