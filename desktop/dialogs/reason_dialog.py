"""Taking a lead out of the queue with a reason: return to nurture, or disqualify.

Signals: ``completed(int lead_id)`` after the change is saved. A refused save keeps what was
typed and says what to fix.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs.lead_form import LeadFormDialog
from desktop.i18n import formats, labels
from desktop.operations import lead_actions as lead_ops
from desktop.operations.runner import Operations
from desktop.widgets.qt_dates import qdate
from desktop.widgets.rich_text import fill
from models.leads.actions import DISQUALIFY_REASONS, RECYCLE_REASONS, RecycleInput

RECYCLE = "recycle"
DISQUALIFY = "disqualify"
DEFAULT_REENTRY_DAYS = 90


class ReasonDialog(LeadFormDialog):
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
        super().__init__(ops, user_id, lead_id, version, "reasonError", parent)
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
        self.until.setDisplayFormat(formats.qt_date_format())
        self.until.setDate(QDate(date.today() + timedelta(days=DEFAULT_REENTRY_DAYS)))
        self.has_until.toggled.connect(self.until.setEnabled)
        self.note = QPlainTextEdit()
        self.note.setObjectName("note")
        self.note.setPlaceholderText(self.tr("What marketing should know"))
        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reason)
        if mode == RECYCLE:
            form.addRow(self.has_until, self.until)
        form.addRow(self.tr("Note"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def save(self) -> None:
        now = datetime.now(UTC)
        reason = str(self.reason.currentData())
        note = self.note.toPlainText()
        if self.mode == RECYCLE:
            until = qdate(self.until.date()) if self.has_until.isChecked() else None
            data = RecycleInput(self.lead_id, reason, until, note, self.version)
            op = lead_ops.recycle(self._ops, self._user_id, data, now, owner=self)
        else:
            op = lead_ops.disqualify(
                self._ops, self._user_id, self.lead_id, reason, note, now, self.version, self
            )
        self.submit(op)
