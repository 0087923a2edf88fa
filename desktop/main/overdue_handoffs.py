"""The team lead's "N handoffs overdue" in the status bar: field sales' answers past
their due time. Clicking it opens the Handoffs window with only the overdue ones.

Looked at again after every write that changed handoffs (``Changes.handoffs``) and at
the window's minute tick (:meth:`refresh`): a handoff becomes overdue by time alone.
Hidden while none is overdue, and for anyone but team leads and administrators.

Signals: ``open_requested()`` when clicked.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QWidget

from desktop.operations import overdue as overdue_ops
from desktop.operations.runner import Operations
from models.core import clock
from models.core.changes import Changes
from models.teams import permissions
from models.teams.users import UserInfo


class OverdueHandoffs(QPushButton):
    open_requested = Signal()

    def __init__(self, ops: Operations, user: UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self.setObjectName("overdueHandoffs")
        self.setFlat(True)
        self.setStyleSheet("color: #b00020; font-weight: 600; padding: 0 6px")
        self.setToolTip(self.tr("Handoffs field sales have not answered in time: show them"))
        self.clicked.connect(self.open_requested)
        self.count: int | None = None
        # Those who answer for the team's field reps chase the late answers.
        self.supervisor = permissions.supervises(user.role)
        self.hide()
        if self.supervisor:
            ops.changed.connect(self.on_changes)
            self.refresh()

    def refresh(self) -> None:
        if self.supervisor:
            op = overdue_ops.overdue_count(self._ops, clock.utcnow(), self)
            op.success(self.show_count).run()

    def on_changes(self, changes: Changes) -> None:
        if changes.handoffs or changes.team:
            self.refresh()

    def show_count(self, count: int) -> None:
        self.count = count
        self.setText(self.tr("%n handoff(s) overdue", "", count))
        self.setVisible(count > 0)
