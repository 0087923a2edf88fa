"""What every small form on one lead shares: it saves against the lead's version it was
opened on, says a refusal under the form and keeps what was typed.

A refusal because the lead changed meanwhile (ConcurrentChange) also reads the lead's
current version: the message said what changed, and the next OK saves against the lead as
it is now, with what the user chose or typed still in the form.

Signals: ``completed(int lead_id)`` once saved (the dialog then closes).
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QWidget

from desktop.operations import lead as lead_detail_ops
from desktop.operations.runner import Op, Operations
from desktop.widgets.error_label import error_label
from models.core.changes import Changes
from models.core.errors import ConcurrentChange
from models.db.failures import Failure
from models.leads.detail import LeadDetail


class LeadFormDialog(QDialog):
    completed = Signal(int)

    def __init__(
        self,
        ops: Operations,
        user_id: int,
        lead_id: int,
        version: int | None,
        error_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ops = ops
        self._user_id = user_id
        self.lead_id = lead_id
        #: The lead's version when the dialog opened: a save over a newer one is refused.
        self.version = version
        self.error = error_label(error_name)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def save(self) -> None:
        """Build the form's operation and pass it to :meth:`submit`."""
        raise NotImplementedError

    def submit(self, op: Op[Changes]) -> None:
        self.ok_button.setEnabled(False)
        self.error.hide()
        op.success(self._on_saved).refused(self._on_refused).failed(self._on_failed).run()

    def _on_saved(self, _changes: Changes) -> None:
        self.completed.emit(self.lead_id)
        self.accept()

    def _on_refused(self, text: str, exc: BaseException) -> None:
        self.error.setText(text)
        self.error.show()
        if isinstance(exc, ConcurrentChange):
            op = lead_detail_ops.lead_detail(self._ops, self.lead_id, datetime.now(UTC), self)
            op.success(self._on_reloaded).run()

    def _on_reloaded(self, detail: LeadDetail) -> None:
        self.version = detail.version

    def _on_failed(self, _failure: Failure) -> None:
        self.ok_button.setEnabled(True)
