"""Lead → Reassign…: the leads selected in the queue go to another rep.

Enabled for the roles that may reassign (:data:`models.teams.permissions.ALLOWED`);
for them the queue takes several leads at once (Shift/Ctrl+click), for everyone else it
keeps one. The dialog runs the reassignment; the queues refresh from its Changes.

Signals: ``message(str)`` for a short status line.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from desktop.dialogs.reassign_dialog import ReassignDialog
from desktop.operations.runner import Operations
from desktop.queue.view import QueueView
from desktop.widgets.rich_text import fill
from models.leads.assignment import Reassigned
from models.teams.permissions import Action, allowed
from models.teams.users import UserInfo


class Reassigning(QObject):
    message = Signal(str)

    def __init__(
        self,
        ops: Operations,
        user: UserInfo,
        queue: QueueView,
        action: QAction,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self._ops = ops
        self._user = user
        self._queue = queue
        self._window = window
        #: The last dialog opened.
        self.dialog: ReassignDialog | None = None
        self.may = allowed(user.role, Action.REASSIGN)
        action.setEnabled(self.may)
        if not self.may:
            action.setToolTip(self.tr("Only team leads and administrators reassign leads."))
        queue.allow_many(self.may)
        action.triggered.connect(self.on_reassign_triggered)

    def on_reassign_triggered(self) -> None:
        if not self.may:
            return
        lead_ids = self._queue.selected_lead_ids()
        if not lead_ids:
            self.message.emit(self.tr("Select the leads to reassign in the queue first."))
            return
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            return
        dialog = ReassignDialog(self._ops, self._user, lead_ids, self._window)
        dialog.reassigned.connect(self.on_reassigned)
        self.dialog = dialog
        dialog.open()

    def on_reassigned(self, result: Reassigned) -> None:
        self.message.emit(fill(self.tr("Leads reassigned to %1: %2"), result.to_name, result.moved))
