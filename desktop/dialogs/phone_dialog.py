"""Entering a new phone number for a lead (after a wrong number, or a number that moved).

Signals: ``completed(int lead_id)`` once saved. A refused save (not a number, the number
that was marked wrong, the lead changed meanwhile) keeps what was typed and says what to
fix.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.dialogs.lead_form import LeadFormDialog
from desktop.operations import lead_actions as lead_ops
from desktop.operations.runner import Operations
from desktop.widgets.rich_text import fill, plain_label
from models.core.entities import Lead
from models.core.text_rules import column_limit
from models.leads.detail import LeadDetail


class PhoneDialog(LeadFormDialog):
    def __init__(
        self, ops: Operations, user_id: int, detail: LeadDetail, parent: QWidget | None = None
    ) -> None:
        super().__init__(ops, user_id, detail.id, detail.version, "phoneError", parent)
        self.setObjectName("phoneDialog")
        self.setWindowTitle(fill(self.tr("New phone number — %1"), detail.name))
        current = detail.phone or self.tr("none")
        if detail.phone_invalid:
            said = fill(self.tr("%1 reached a wrong number."), current)
        else:
            said = fill(self.tr("Current number: %1"), current)
        self.current: QLabel = plain_label(said)
        self.current.setObjectName("currentPhone")
        self.phone = QLineEdit()
        self.phone.setObjectName("phone")
        self.phone.setPlaceholderText("03-1234-5678")
        self.phone.setMaxLength(column_limit(Lead.phone) or 40)
        form = QFormLayout()
        form.addRow(self.tr("New number"), self.phone)
        layout = QVBoxLayout(self)
        layout.addWidget(self.current)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.phone.setFocus()

    def save(self) -> None:
        self.submit(
            lead_ops.update_phone(
                self._ops,
                self._user_id,
                self.lead_id,
                self.phone.text(),
                datetime.now(UTC),
                self.version,
                self,
            )
        )

    def _on_refused(self, text: str, exc: BaseException) -> None:
        super()._on_refused(text, exc)
        self.phone.setFocus()
