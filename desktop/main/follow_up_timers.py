"""The window's clocks: every minute the tick (expire boosts, record speed-to-lead
breaches), the due callbacks (status bar, notification) and the cut-offs of the queue's
clocked filters ("Callbacks due", meetings that passed unheld); every 15 s the first-call
clocks repaint. Background work: failures go to the banner, never to a dialog.

Due callbacks follow writes too: after any write that changed leads (``Operations.changed``)
they are looked at again, and the due filter's cut-off moves to now, so the count and the
filtered queue agree with each other and with the clock.

Signals: ``due(list[DueCallback])`` after each look at the callbacks that are due;
``definition_took_effect()`` when the tick put an approved definition in effect.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.operations import follow_ups as follow_up_ops
from desktop.operations.runner import Operations
from desktop.queue.model import QueueModel
from models.core import clock
from models.core.changes import Changes
from models.leads.follow_ups import DueCallback

TICK_MS = 60_000
CLOCK_MS = 15_000


class FollowUpTimers(QObject):
    due = Signal(object)
    #: An approved handoff definition took effect at its date: every lead is rescored.
    definition_took_effect = Signal()

    def __init__(
        self, ops: Operations, user_id: int, model: QueueModel, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._ops = ops
        self._user_id = user_id
        self._model = model
        self.tick_timer = QTimer(self)
        self.tick_timer.setInterval(TICK_MS)
        self.tick_timer.timeout.connect(self.on_tick_timer_timeout)
        self.clock_timer = QTimer(self)
        self.clock_timer.setInterval(CLOCK_MS)
        self.clock_timer.timeout.connect(self.on_clock_timer_timeout)
        ops.changed.connect(self.on_changes)

    def start(self) -> None:
        self.tick_timer.start()
        self.clock_timer.start()
        self.refresh_due()

    def on_tick_timer_timeout(self) -> None:
        """Boosts that ran out move the queue; breaches are recorded; due callbacks pop up."""
        now = clock.utcnow()
        follow_up_ops.tick(self._ops, now).success(self._after_tick).run()
        self._catch_up(now, meetings=True)

    def _after_tick(self, changes: Changes) -> None:
        if changes.definition:
            self.definition_took_effect.emit()

    def on_clock_timer_timeout(self) -> None:
        self._model.tick(clock.utcnow())

    def on_changes(self, changes: Changes) -> None:
        """A write changed leads: what is due may have changed with it."""
        if changes.initiator == follow_up_ops.INITIATOR:
            return  # the tick's own write: the tick looks right after it
        if changes.lead_ids or changes.queue:
            self._catch_up(clock.utcnow())

    def refresh_due(self, now: datetime | None = None) -> None:
        op = follow_up_ops.due_callbacks(self._ops, self._user_id, now or clock.utcnow())
        op.success(self._on_due).run()

    def _catch_up(self, now: datetime, *, meetings: bool = False) -> None:
        """The due count, and the "Callbacks due" filter if it is on, as of ``now``; with
        ``meetings`` (the minute tick) also the cut-off of meetings that passed unheld."""
        query = self._model.query
        moved = query
        if query.callbacks_due_by is not None and query.callbacks_due_by < now:
            moved = replace(moved, callbacks_due_by=now)
        if meetings and query.meetings_as_of is not None and query.meetings_as_of < now:
            moved = replace(moved, meetings_as_of=now)
        if moved is not query:
            self._model.set_query(moved)
        self.refresh_due(now)

    def _on_due(self, due: list[DueCallback]) -> None:
        self.due.emit(due)
