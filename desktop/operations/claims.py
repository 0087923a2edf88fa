"""Claiming the lead the call dialog is open on: claim, renew, let go, what changed.

Background ops: a claim that cannot be made or renewed right now never opens a message
box (a refusal goes to the dialog's notice; a failure to the banner, and the renewal
timer tries again).
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop.operations.runner import Op, Operations
from models.core.changes import Changes
from models.core.clock import utcnow
from models.leads import claims, concurrency
from models.leads.claims import Claim
from models.leads.concurrency import LeadNow

INITIATOR = "claim"


def claim(ops: Operations, user_id: int, lead_id: int, owner: QObject) -> Op[Claim]:
    """Hold the lead for the rep (or extend their claim); refused if someone else has it."""
    return ops.write(
        lambda session: claims.renew(session, user_id, lead_id, utcnow()),
        initiator=INITIATOR,
        background=True,
        owner=owner,
    )


def release(ops: Operations, user_id: int, lead_id: int) -> Op[Changes]:
    """Let go of the lead (runs even once the dialog that asked is gone)."""
    return ops.write(
        lambda session: claims.release(session, user_id, lead_id),
        initiator=INITIATOR,
        background=True,
    )


def lead_now(ops: Operations, lead_id: int, owner: QObject) -> Op[LeadNow]:
    """The lead's version and owner now, and its last recorded change (who, what, when)."""
    return ops.read(lambda session: concurrency.lead_now(session, lead_id), owner=owner)
