"""Field sales turns a handoff down: a reason from the fixed list (``Other`` needs a few
words), and where the lead goes (back to its rep's queue, or to nurture).

Signals: ``completed(int handoff_id)`` once saved (the dialog then closes). A refused
answer keeps what was chosen and typed and says why under the form.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import handoff_labels
from desktop.operations import handoff as handoff_ops
from desktop.operations.runner import Operations
from desktop.widgets.error_label import error_label
from desktop.widgets.rich_text import fill, plain_label
from models.core.changes import Changes
from models.core.enums import RejectionReason, ReturnTo
from models.db.failures import Failure
from models.handoff.inbox import HandoffRow
from models.handoff.respond import Answer


class RejectDialog(QDialog):
    completed = Signal(int)

    def __init__(
        self, ops: Operations, user_id: int, row: HandoffRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ops = ops
        self._user_id = user_id
        self.row = row
        self.setObjectName("rejectDialog")
        self.setWindowTitle(fill(self.tr("Reject the handoff — %1"), row.lead_name))
        heading = plain_label(
            fill(
                self.tr("%1 (%2), handed off by %3"),
                row.lead_name,
                row.company,
                row.promoted_by or "-",
            )
        )
        heading.setWordWrap(True)
        self.reason = QComboBox()
        self.reason.setObjectName("rejectReason")
        for reason in RejectionReason:
            self.reason.addItem(handoff_labels.rejection_reason(reason.value), reason.value)
        self.reason.currentIndexChanged.connect(self.on_reason_changed)
        self.text = QPlainTextEdit()
        self.text.setObjectName("rejectText")
        self.text.setTabChangesFocus(True)
        self.to_queue = QRadioButton(handoff_labels.returned_to(ReturnTo.QUEUE.value))
        self.to_queue.setObjectName("returnToQueue")
        self.to_nurture = QRadioButton(handoff_labels.returned_to(ReturnTo.NURTURE.value))
        self.to_nurture.setObjectName("returnToNurture")
        self.to_queue.setChecked(True)
        self.return_to = QButtonGroup(self)
        self.return_to.addButton(self.to_queue)
        self.return_to.addButton(self.to_nurture)
        returns = QHBoxLayout()
        returns.addWidget(self.to_queue)
        returns.addWidget(self.to_nurture)
        returns.addStretch(1)
        self.error = error_label("rejectError")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Reject"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Why, in a few words"), self.text)
        form.addRow(self.tr("The lead goes"), returns)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.on_reason_changed()
        self.resize(480, 320)

    def on_reason_changed(self, _index: int = -1) -> None:
        if self.reason.currentData() == RejectionReason.OTHER:
            self.text.setPlaceholderText(self.tr("Required for “Other”: why field sales says no"))
        else:
            self.text.setPlaceholderText(self.tr("Optional: what the inside-sales rep should know"))

    def answer(self) -> Answer:
        return Answer(
            handoff_id=self.row.id,
            accept=False,
            reason=str(self.reason.currentData()),
            text=self.text.toPlainText(),
            return_to=(ReturnTo.NURTURE if self.to_nurture.isChecked() else ReturnTo.QUEUE).value,
            seen_version=self.row.version,
        )

    def save(self) -> None:
        self.ok_button.setEnabled(False)
        self.error.hide()
        op = handoff_ops.answer(self._ops, self._user_id, self.answer(), datetime.now(UTC), self)
        op.success(self._on_saved).refused(self._on_refused).failed(self._on_failed).run()

    def _on_saved(self, _changes: Changes) -> None:
        self.completed.emit(self.row.id)
        self.accept()

    def _on_refused(self, text: str, _exc: BaseException) -> None:
        self.error.setText(text)
        self.error.show()
        self.text.setFocus()

    def _on_failed(self, _failure: Failure) -> None:
        self.ok_button.setEnabled(True)
