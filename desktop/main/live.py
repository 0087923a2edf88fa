"""Live refresh wired into a main window (team mode: any PostgreSQL database).

What others change reaches the window's views as the same
:class:`~models.core.changes.Changes` a write of this window broadcasts (through
``Operations.changed``, with no initiator), so each view refreshes what it shows as it
always does: the queue re-reads the changed leads' rows only, the lead pane its lead, the
handoff lists their rows. Who is on the phone reaches the queue's claim column.

When the feed loses the server the window's banner says so once (the failure policy's
transient failure: unsaved work stays where it is); once the feed listens again the
banner goes and the visible view is read again once (notifications may have been missed
while it was away).
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop.lead.pane import LeadPane
from desktop.live.feed import LiveFeed
from desktop.operations.runner import Operations
from desktop.queue.model import QueueModel
from models.core.changes import Changes
from models.core.errors import DatabaseUnreachable
from models.db.live import LiveChanges


class LiveRefresh(QObject):
    """Owns the window's :class:`LiveFeed` and hands what it hears to the views."""

    def __init__(self, ops: Operations, model: QueueModel, pane: LeadPane, parent: QObject) -> None:
        super().__init__(parent)
        self._ops = ops
        self._model = model
        self._pane = pane
        self.feed = LiveFeed(ops.db.engine, self)
        self.feed.received.connect(self.on_feed_received)
        self.feed.lost.connect(self.on_feed_lost)
        self.feed.resumed.connect(self.on_feed_resumed)
        self.feed.start()

    def stop(self) -> None:
        self.feed.stop()

    def on_feed_received(self, live: LiveChanges) -> None:
        self._ops.broadcast(live.changes)
        if live.changes.queue:
            return  # the queue reloads, claims with it
        if live.all_claims:
            self._model.refresh_claims(None)
        elif live.claims:
            self._model.refresh_claims(live.claims)

    def on_feed_lost(self, exc: BaseException) -> None:
        reason = str(exc).strip().splitlines()[0:1]
        error = DatabaseUnreachable(
            "db.unreachable.other",
            url=self._ops.db.display_url,
            reason=reason[0] if reason else type(exc).__name__,
        )
        self._ops.policy.handle(error, background=True)

    def on_feed_resumed(self) -> None:
        self._ops.policy.recovered()
        shown = self._pane.current_lead_id()
        self._ops.broadcast(
            Changes(
                lead_ids=frozenset({shown}) if shown is not None else frozenset(),
                queue=True,
                handoffs=True,
                users=True,
            )
        )


def attach_live(
    ops: Operations, model: QueueModel, pane: LeadPane, window: QObject
) -> LiveRefresh | None:
    """Live refresh for ``window`` when its database is a server (None on SQLite)."""
    if ops.db.dialect != "postgresql":
        return None
    return LiveRefresh(ops, model, pane, window)
