"""Promote to field sales (フィールドセールスへ引き渡す): who takes the lead, the meeting,
the rep's note, and (a team lead handing off a lead that misses criteria) the reason.

The field rep the routing rules suggest is preselected and the dialog says why (which
rule, or in turn). The booked meeting carries over; its time may be changed. The
definition is checked again when the handoff is saved: a lead that changed meanwhile is
refused with the criterion that failed, and what was typed stays.

Signals: ``completed(int lead_id)`` once handed off; ``promoted(int handoff_id)`` too.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs.lead_form import LeadFormDialog
from desktop.i18n import formats
from desktop.lead.checklist_view import unmet_lines
from desktop.operations import handoff as handoff_ops
from desktop.operations.handoff import LeadView
from desktop.operations.runner import Operations
from desktop.widgets.qt_dates import qdatetime_utc
from desktop.widgets.rich_text import fill, plain_label
from models.core.errors import BatonError
from models.handoff.promote import Promoted, PromotionDraft
from models.handoff.routing import Suggestion

_NOT_QUALIFIED = ("handoff.not_qualified", "handoff.override_reason_needed")


class PromoteDialog(LeadFormDialog):
    promoted = Signal(int)

    def __init__(
        self, ops: Operations, user_id: int, view: LeadView, parent: QWidget | None = None
    ) -> None:
        detail = view.detail
        super().__init__(ops, user_id, detail.id, detail.version, "promoteError", parent)
        self.setObjectName("promoteDialog")
        self.setWindowTitle(fill(self.tr("Promote to field sales — %1"), detail.name))
        self._may_override = view.may_override
        self._booked = detail.next_meeting_at
        self.ok_button.setText(self.tr("Promote"))

        self.heading = plain_label(
            fill(
                self.tr("%1 (%2) goes to field sales with a summary of everything known."),
                detail.name,
                detail.company,
            )
        )
        self.heading.setWordWrap(True)

        # A lead that misses criteria: only a team lead hands it off, with a reason.
        self.missing = plain_label()
        self.missing.setObjectName("missingCriteria")
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet(
            "background: #fff4ce; border: 1px solid #e0c060; padding: 4px; border-radius: 3px"
        )
        self.override = QPlainTextEdit()
        self.override.setObjectName("overrideReason")
        self.override.setTabChangesFocus(True)
        self.override.setPlaceholderText(
            self.tr("Why field sales should take this lead anyway (recorded and reported)")
        )
        self.override.setMaximumHeight(70)
        self.override_label = QLabel(self.tr("Override reason"))
        self.override_label.setBuddy(self.override)

        self.field_rep = QComboBox()
        self.field_rep.setObjectName("fieldRep")
        self.field_rep.setEnabled(False)
        self.field_rep.addItem(self.tr("Loading…"), None)
        self.field_rep.currentIndexChanged.connect(self.on_field_rep_changed)
        self.routing = plain_label()
        self.routing.setObjectName("routingHint")
        self.routing.setWordWrap(True)
        self.routing.setStyleSheet("color: #555")
        self._suggestion: Suggestion | None = None

        self.has_meeting = QCheckBox(self.tr("Meeting"))
        self.has_meeting.setObjectName("hasMeeting")
        self.meeting = QDateTimeEdit()
        self.meeting.setObjectName("meetingAt")
        self.meeting.setCalendarPopup(True)
        self.meeting.setDisplayFormat(formats.qt_datetime_format())
        if self._booked is not None:
            self.meeting.setDateTime(QDateTime(self._booked.astimezone()))
            # The booked meeting carries over: its time may change, it stays.
            self.has_meeting.setChecked(True)
            self.has_meeting.setEnabled(False)
            self.has_meeting.setToolTip(self.tr("The meeting booked on the call carries over"))
        else:
            local = datetime.now().astimezone() + timedelta(days=1)
            self.meeting.setDateTime(QDateTime(local.replace(hour=10, minute=0, second=0)))
            self.meeting.setEnabled(False)
        self.has_meeting.toggled.connect(self.meeting.setEnabled)

        self.note = QPlainTextEdit()
        self.note.setObjectName("handoffNote")
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(
            self.tr("Your recommendation to the field rep: what to bring, who to meet…")
        )

        form = QFormLayout()
        form.addRow(self.tr("Field sales rep"), self.field_rep)
        form.addRow("", self.routing)
        form.addRow(self.has_meeting, self.meeting)
        form.addRow(self.tr("Note to the field rep"), self.note)
        form.addRow(self.override_label, self.override)
        self.form = form
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.missing)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._show_override(not view.checklist.qualified, unmet_lines(view.checklist.check))
        self.resize(560, 460)

        handoff_ops.suggestion(ops, detail.id, self).success(self.set_suggestion).run()

    # -- Filling ----------------------------------------------------------------------
    def _show_override(self, needed: bool, missing: list[str]) -> None:
        """The override reason is asked only of a team lead on a lead missing criteria."""
        self.missing.setText(
            fill(
                self.tr(
                    "This lead does not meet every criterion of the handoff definition:\n%1\n"
                    "As a team lead you may hand it off anyway: say why."
                ),
                "\n".join(missing),
            )
        )
        self.missing.setVisible(needed)
        self.override.setVisible(needed)
        self.override_label.setVisible(needed)

    def override_needed(self) -> bool:
        return not self.override.isHidden()

    def set_suggestion(self, suggestion: Suggestion) -> None:
        self._suggestion = suggestion
        self.field_rep.blockSignals(True)
        self.field_rep.clear()
        for rep in suggestion.choices:
            self.field_rep.addItem(f"{rep.name} <{rep.email}>", rep.id)
        if suggestion.field_rep_id is not None:
            self.field_rep.setCurrentIndex(self.field_rep.findData(suggestion.field_rep_id))
        self.field_rep.blockSignals(False)
        self.field_rep.setEnabled(bool(suggestion.choices))
        self.on_field_rep_changed()

    def on_field_rep_changed(self, _index: int = -1) -> None:
        suggestion = self._suggestion
        if suggestion is None:
            return
        if not suggestion.choices:
            self.routing.setText(self.tr("The team has no active field sales rep."))
        elif self.field_rep.currentData() != suggestion.field_rep_id:
            self.routing.setText(self.tr("Chosen by you (not the suggestion)."))
        elif suggestion.rule is not None:
            self.routing.setText(
                fill(self.tr("Suggested by routing rule %1, in turn."), suggestion.rule)
            )
        else:
            self.routing.setText(
                self.tr("Suggested in turn: no routing rule matches this company.")
            )

    # -- Saving -----------------------------------------------------------------------
    def meeting_at(self) -> datetime | None:
        """The meeting to hand over (None: the booked one as it is, or none)."""
        if not self.has_meeting.isChecked():
            return None
        chosen = qdatetime_utc(self.meeting.dateTime())
        booked = self._booked
        if booked is not None and abs(chosen - booked) < timedelta(minutes=1):
            return None  # unchanged: carried over as booked (even if it just started)
        return chosen

    def draft(self) -> PromotionDraft:
        field_rep = self.field_rep.currentData()
        return PromotionDraft(
            lead_id=self.lead_id,
            field_rep_id=int(field_rep) if field_rep is not None else None,
            meeting_at=self.meeting_at(),
            note=self.note.toPlainText(),
            override_reason=self.override.toPlainText() if self.override_needed() else None,
            seen_version=self.version,
        )

    def save(self) -> None:
        op = handoff_ops.promote_lead(
            self._ops, self._user_id, self.draft(), datetime.now(UTC), self
        )
        self.submit(op)  # type: ignore[arg-type]  # Promoted carries its Changes

    def _on_saved(self, result: object) -> None:
        if isinstance(result, Promoted):
            self.promoted.emit(result.handoff_id)
        super()._on_saved(result)  # type: ignore[arg-type]

    def _on_refused(self, text: str, exc: BaseException) -> None:
        super()._on_refused(text, exc)
        key = exc.key if isinstance(exc, BatonError) else ""
        if key in _NOT_QUALIFIED and self._may_override and not self.override_needed():
            # The lead changed meanwhile and misses a criterion now: a team lead may
            # still hand it off, with a reason.
            self._show_override(True, [])
            self.missing.hide()
        field = exc.params.get("field") if isinstance(exc, BatonError) else None
        focus = {
            "field_rep": self.field_rep,
            "meeting_at": self.meeting,
            "handoff_note": self.note,
            "override_reason": self.override,
        }.get(str(field))
        if focus is not None:
            focus.setFocus()
