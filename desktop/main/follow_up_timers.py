"""The window's clocks: every minute the tick (expire boosts, record speed-to-lead
breaches) and the due callbacks (status bar, notification); every 15 s the first-call
clocks repaint. Background work: failures go to the banner, never to a dialog.

Signals: ``due(list[DueCallback])`` after each look at the callbacks that are due.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.operations import follow_ups as follow_up_ops
from desktop.operations.runner import Operations
from desktop.queue.model import QueueModel
from models.leads.follow_ups import DueCallback

TICK_MS = 60_000
CLOCK_MS = 15_000


class FollowUpTimers(QObject):
    due = Signal(object)

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

    def start(self) -> None:
        self.tick_timer.start()
        self.clock_timer.start()
        self.refresh_due()

    def on_tick_timer_timeout(self) -> None:
        """Boosts that ran out move the queue; breaches are recorded; due callbacks pop up."""
        follow_up_ops.tick(self._ops, datetime.now(UTC)).run()
        self.refresh_due()

    def on_clock_timer_timeout(self) -> None:
        self._model.tick(datetime.now(UTC))

    def refresh_due(self) -> None:
        op = follow_up_ops.due_callbacks(self._ops, self._user_id, datetime.now(UTC))
        op.success(self._on_due).run()

    def _on_due(self, due: list[DueCallback]) -> None:
        self.due.emit(due)
