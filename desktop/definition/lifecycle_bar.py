"""The buttons under the selected version: Save, Propose, Withdraw, and Approve with the
date it takes effect from. Each is enabled when the domain would accept the step for this
user and version, else disabled with the domain's refusal as its tooltip.

GUI thread. Signals: ``save_requested()``, ``propose_requested()``,
``withdraw_requested()``, ``approve_requested(datetime | None)`` (None: from now).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import QDateTimeEdit, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.definition import rights
from desktop.i18n import formats
from desktop.widgets.qt_dates import qdatetime_utc
from desktop.widgets.rich_text import tooltip
from models.definitions.records import VersionInfo
from models.teams.users import UserInfo


def _set(button: QPushButton, refusal: str | None) -> None:
    button.setEnabled(refusal is None)
    button.setToolTip(tooltip(refusal) or "")


class LifecycleBar(QWidget):
    save_requested = Signal()
    propose_requested = Signal()
    withdraw_requested = Signal()
    approve_requested = Signal(object)

    def __init__(self, user: UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._user = user
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveDraft")
        self.propose_button = QPushButton(self.tr("Propose"))
        self.propose_button.setObjectName("proposeVersion")
        self.withdraw_button = QPushButton(self.tr("Withdraw"))
        self.withdraw_button.setObjectName("withdrawVersion")
        self.effective = QDateTimeEdit()
        self.effective.setObjectName("effectiveFrom")
        self.effective.setCalendarPopup(True)
        self.effective.setDisplayFormat(formats.qt_datetime_format())
        self.approve_button = QPushButton(self.tr("Approve"))
        self.approve_button.setObjectName("approveVersion")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.save_button)
        layout.addWidget(self.propose_button)
        layout.addWidget(self.withdraw_button)
        layout.addStretch(1)
        layout.addWidget(QLabel(self.tr("In effect from")))
        layout.addWidget(self.effective)
        layout.addWidget(self.approve_button)
        self.save_button.clicked.connect(self.save_requested)
        self.propose_button.clicked.connect(self.propose_requested)
        self.withdraw_button.clicked.connect(self.withdraw_requested)
        self.approve_button.clicked.connect(self._on_approve_clicked)
        self.show_version(None)

    def show_version(self, info: VersionInfo | None, busy: bool = False) -> None:
        """Enable what ``user`` may do with ``info`` (None: nothing is selected)."""
        if info is None or busy:
            for button in (
                self.save_button,
                self.propose_button,
                self.withdraw_button,
                self.approve_button,
            ):
                button.setEnabled(False)
            self.effective.setEnabled(False)
            return
        edit = rights.can_edit(self._user, info)
        _set(self.save_button, edit)
        _set(self.propose_button, edit)
        _set(self.withdraw_button, rights.can_withdraw(self._user, info))
        approve = rights.can_approve(self._user, info)
        _set(self.approve_button, approve)
        self.effective.setEnabled(approve is None)
        now = QDateTime.currentDateTime()
        self.effective.setMinimumDateTime(now)
        if info.effective_from is not None:
            self.effective.setDateTime(
                QDateTime.fromSecsSinceEpoch(int(info.effective_from.timestamp()))
            )
        else:
            self.effective.setDateTime(now)

    def effective_from(self) -> datetime | None:
        """The date chosen; None when it is now (within the minute the form opened)."""
        chosen = qdatetime_utc(self.effective.dateTime())
        if self.effective.dateTime().secsTo(QDateTime.currentDateTime()) > -60:
            return None
        return chosen

    def _on_approve_clicked(self) -> None:
        self.approve_requested.emit(self.effective_from())
