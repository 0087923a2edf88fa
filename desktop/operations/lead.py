"""Reading one lead for the lead pane."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject

from desktop.operations.runner import Op, Operations
from models.leads import detail
from models.leads.detail import LeadDetail


def lead_detail(
    ops: Operations, lead_id: int, now: datetime, owner: QObject, viewer_id: int | None = None
) -> Op[LeadDetail]:
    """The lead; with ``viewer_id``, also what that user may not do to it, and why."""
    return ops.read(
        lambda session: detail.lead_detail(session, lead_id, now, viewer_id), owner=owner
    )
