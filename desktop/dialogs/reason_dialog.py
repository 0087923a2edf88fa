"""Taking a lead out of the queue with a reason: return to nurture, or disqualify.

Signals: ``done(int lead_id)`` after the change is saved. A refused save keeps what was
typed and says what to fix.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import labels
from desktop.operations import lead as lead_detail_ops
from desktop.operations import lead_actions as lead_ops
from desktop.operations.runner import Operations
from desktop.widgets.rich_text import fill
from models.core.changes import Changes
from models.core.errors import ConcurrentChange
from models.db.failures import Failure
from models.leads.actions import DISQUALIFY_REASONS, RECYCLE_REASONS, RecycleInput
from models.leads.detail import LeadDetail

RECYCLE = "recycle"
DISQUALIFY = "disqualify"
DEFAULT_REENTRY_DAYS = 90


class ReasonDialog(QDialog):
    done = Signal(int)

    def __init__(
        self,
        ops: Operations,
        user_id: int,
        lead_id: int,
        lead_name: str,
        mode: str,
        version: int | None,
        parent: QWidget | None = None,
        reason: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._ops = ops
        self._user_id = user_id
        self.lead_id = lead_id
        #: The lead's version when the dialog opened: a save over a newer one is refused.
        self.version = version
        self.mode = mode
        self.setObjectName(f"{mode}Dialog")
        if mode == RECYCLE:
            self.setWindowTitle(fill(self.tr("Return to nurture — %1"), lead_name))
        else:
            self.setWindowTitle(fill(self.tr("Disqualify — %1"), lead_name))
        self.reason = QComboBox()
        self.reason.setObjectName("reason")
        codes = RECYCLE_REASONS if mode == RECYCLE else DISQUALIFY_REASONS
        label = labels.recycle_reason if mode == RECYCLE else labels.disqualify_reason
        for code in codes:
            self.reason.addItem(label(code), code)
        if reason is not None:
            self.reason.setCurrentIndex(max(self.reason.findData(reason), 0))
        self.has_until = QCheckBox(self.tr("Re-enter the queue on"))
        self.has_until.setChecked(True)
        self.until = QDateEdit()
        self.until.setObjectName("until")
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("yyyy-MM-dd")
        self.until.setDate(QDate(date.today() + timedelta(days=DEFAULT_REENTRY_DAYS)))
        self.has_until.toggled.connect(self.until.setEnabled)
        self.note = QPlainTextEdit()
        self.note.setObjectName("note")
        self.note.setPlaceholderText(self.tr("What marketing should know"))
        self.error = QLabel()
        self.error.setObjectName("reasonError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #b00020; font-weight: 600")
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reason)
        if mode == RECYCLE:
            form.addRow(self.has_until, self.until)
        form.addRow(self.tr("Note"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> None:
        now = datetime.now(UTC)
        reason = str(self.reason.currentData())
        note = self.note.toPlainText()
        self.ok_button.setEnabled(False)
        self.error.hide()
        if self.mode == RECYCLE:
            until = self.until.date().toPython() if self.has_until.isChecked() else None
            data = RecycleInput(self.lead_id, reason, until, note, self.version)
            op = lead_ops.recycle(self._ops, self._user_id, data, now, owner=self)
        else:
            op = lead_ops.disqualify(
                self._ops, self._user_id, self.lead_id, reason, note, now, self.version, self
            )
        op.success(self._on_saved).refused(self._on_refused).failed(self._on_failed).run()

    def _on_saved(self, _changes: Changes) -> None:
        self.done.emit(self.lead_id)
        self.accept()

    def _on_refused(self, text: str, exc: BaseException) -> None:
        self.error.setText(text)
        self.error.show()
        if isinstance(exc, ConcurrentChange):
            # The lead changed meanwhile: what the rep chose stays; the next OK saves
            # against the lead as it is now (the message said what changed).
            op = lead_detail_ops.lead_detail(self._ops, self.lead_id, datetime.now(UTC), self)
            op.success(self._on_reloaded).run()

    def _on_reloaded(self, detail: LeadDetail) -> None:
        self.version = detail.version

    def _on_failed(self, _failure: Failure) -> None:
        self.ok_button.setEnabled(True)
