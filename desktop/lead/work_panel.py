"""The working part of the lead pane: call actions, follow-up state, current BANT.

Signals: ``call_requested``, ``recycle_requested``, ``disqualify_requested``,
``do_not_call_requested`` and ``phone_requested`` (the lead actions open the dialogs).
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.i18n import formats, labels
from desktop.i18n.messages import message
from desktop.widgets.rich_text import escape, tooltip
from models.leads.availability import LeadAction
from models.leads.detail import LeadDetail

CALL_SHORTCUT = "F2"


def _alert(text: str) -> str:
    return "<b style='color:#b00020'>" + escape(text) + "</b>"


class WorkPanel(QWidget):
    call_requested = Signal()
    recycle_requested = Signal()
    disqualify_requested = Signal()
    do_not_call_requested = Signal()
    phone_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.call_button = QPushButton(self.tr("Log call (%1)").replace("%1", CALL_SHORTCUT))
        self.call_button.setObjectName("logCall")
        self.recycle_button = QPushButton(self.tr("Return to nurture…"))
        self.recycle_button.setObjectName("recycle")
        self.disqualify_button = QPushButton(self.tr("Disqualify…"))
        self.disqualify_button.setObjectName("disqualify")
        self.dnc_button = QPushButton(self.tr("Do not call"))
        self.dnc_button.setObjectName("doNotCall")
        self.phone_button = QPushButton(self.tr("New number…"))
        self.phone_button.setObjectName("newNumber")
        self._tips = {
            LeadAction.CALL: self.tr("Log a call on this lead (%1)").replace("%1", CALL_SHORTCUT),
            LeadAction.RECYCLE: self.tr("Not ready: back to marketing's nurture, with a reason"),
            LeadAction.DISQUALIFY: self.tr("Not a fit: out of every queue, with a reason"),
            LeadAction.DO_NOT_CALL: self.tr("The prospect asked not to be called again"),
            LeadAction.PHONE: self.tr("Enter a new phone number for this lead"),
        }
        self.call_button.clicked.connect(self.call_requested)
        self.phone_button.clicked.connect(self.phone_requested)
        self.recycle_button.clicked.connect(self.recycle_requested)
        self.disqualify_button.clicked.connect(self.disqualify_requested)
        self.dnc_button.clicked.connect(self.do_not_call_requested)
        buttons = QHBoxLayout()
        for button in (
            self.call_button,
            self.recycle_button,
            self.disqualify_button,
            self.dnc_button,
            self.phone_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.status = QLabel()
        self.status.setObjectName("followUp")
        self.status.setWordWrap(True)
        self.suggestion = QLabel()
        self.suggestion.setObjectName("recycleSuggestion")
        self.suggestion.setWordWrap(True)
        self.suggestion.setStyleSheet(
            "background: #fff4ce; border: 1px solid #e0c060; padding: 4px; border-radius: 3px"
        )
        self.suggestion.hide()
        self.bant = QLabel()
        self.bant.setObjectName("bantSummary")
        self.bant.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.suggestion)
        layout.addWidget(self.status)
        layout.addWidget(self.bant)

    def buttons(self) -> dict[LeadAction, QPushButton]:
        return {
            LeadAction.CALL: self.call_button,
            LeadAction.RECYCLE: self.recycle_button,
            LeadAction.DISQUALIFY: self.disqualify_button,
            LeadAction.DO_NOT_CALL: self.dnc_button,
            LeadAction.PHONE: self.phone_button,
        }

    def _enable(self, d: LeadDetail) -> None:
        """Each action is enabled exactly when the domain would take it; a disabled one
        says why in its tooltip (asked before anything is typed)."""
        for action, button in self.buttons().items():
            refused = d.refusals.get(action)
            if action == LeadAction.DO_NOT_CALL and refused is None and d.do_not_call:
                reason: str | None = self.tr("Already marked do-not-call.")
            else:
                reason = message(refused) if refused is not None else None
            button.setEnabled(reason is None)
            button.setToolTip(tooltip(reason) or self._tips[action])
        self.phone_button.setDefault(d.phone_invalid and self.phone_button.isEnabled())

    def show_detail(self, d: LeadDetail, now: datetime | None = None) -> None:
        now = now or datetime.now(UTC)
        self._enable(d)
        parts: list[str] = []
        if d.do_not_call:
            parts.append(_alert(self.tr("Do not call: phone actions are off.")))
        elif d.phone_invalid:
            parts.append(
                _alert(self.tr("Wrong number: enter a new number to call this lead again."))
            )
        if d.next_callback_at is not None:
            text = (
                self.tr("Callback overdue since %1")
                if d.next_callback_at <= now
                else self.tr("Callback at %1")
            ).replace("%1", labels.datetime_short(d.next_callback_at))
            parts.append("<b>" + escape(text) + "</b>")
        if d.next_meeting_at is not None:
            parts.append(
                escape(
                    self.tr("Meeting at %1").replace("%1", labels.datetime_short(d.next_meeting_at))
                )
            )
        if d.temperature:
            parts.append(
                escape(self.tr("Temperature: %1").replace("%1", labels.temperature(d.temperature)))
            )
        if d.sla_due_at is not None:
            parts.append(escape(self.sla_text(d, now)))
        if d.recycle_reason and d.stage == "recycled":
            parts.append(
                escape(
                    self.tr("Returned to nurture: %1").replace(
                        "%1", labels.recycle_reason(d.recycle_reason)
                    )
                )
            )
        self.status.setText(" · ".join(parts))
        self.status.setVisible(bool(parts))
        self.suggestion.setText(
            self.tr(
                "%n unanswered attempt(s) in a row. Consider returning this lead to nurture.",
                "",
                d.unanswered_streak,
            )
        )
        self.suggestion.setVisible(d.suggest_recycle)
        rows = []
        for field, answer in d.qualification.items():
            evidence = f" — {escape(formats.quoted(answer.evidence))}" if answer.evidence else ""
            rows.append(
                f"<b>{escape(labels.bant_field(field))}</b>: "
                f"{escape(labels.bant_value(field, answer.value))}{evidence}"
            )
        self.bant.setText("<br>".join(rows))

    def sla_text(self, d: LeadDetail, now: datetime) -> str:
        assert d.sla_due_at is not None
        if d.sla_met is True:
            return self.tr("First call in time")
        if d.sla_met is False:
            return self.tr("First call missed its target (%1)").replace(
                "%1", labels.datetime_short(d.sla_due_at)
            )
        return self.tr("First call due by %1").replace("%1", labels.datetime_short(d.sla_due_at))
