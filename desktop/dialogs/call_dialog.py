"""Logging (or correcting) one call, keyboard first.

* Number keys 1–9 and 0 pick the outcome (while the focus is not in a text field).
* Enter (the default button) or Ctrl+Return saves and opens the next lead; Ctrl+S saves.
  A no-answer is therefore two keystrokes: ``2``, ``Enter``.
* The lead's numbers are at the top; clicking one dials it and starts the call timer.
* Tab goes outcome, notes, temperature, BANT, next step, save.
* Nothing typed is ever discarded: a refused save keeps the draft and says what to fix;
  a failed write (database locked, server gone) keeps it and retries.

Signals: ``saved(int lead_id, bool go_next)`` after a successful save.
"""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import pairwise

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs.bant_editor import BantEditor
from desktop.dialogs.call_presence import CallPresence
from desktop.dialogs.call_target import CallTarget, header_html, target_for
from desktop.dialogs.call_timer import CallTimer
from desktop.dialogs.discovery_fields import DiscoveryFields
from desktop.dialogs.outcome_picker import OutcomePicker
from desktop.i18n import formats, labels
from desktop.i18n import messages as errors
from desktop.operations import calls as call_ops
from desktop.operations import lead as lead_ops
from desktop.operations.runner import Op, Operations
from desktop.widgets.error_label import error_label
from desktop.widgets.message_boxes import Button, ask
from desktop.widgets.phone_text import open_link
from desktop.widgets.qt_dates import follow_up_default, qdatetime_utc
from desktop.widgets.rich_text import fill
from models.core.enums import Outcome
from models.core.errors import BatonError, ConcurrentChange
from models.db.failures import Failure, Kind
from models.leads.call_figures import NextStep
from models.leads.calls import CallDraft, CallItem, CallLogged, validate
from models.leads.detail import LeadDetail


class CallDialog(QDialog):
    saved = Signal(int, bool)
    #: The lead's current values were loaded after a refused save (a stale form).
    reloaded = Signal()

    def __init__(
        self, ops: Operations, user_id: int, target: CallTarget, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ops = ops
        self._user_id = user_id
        self.target = target
        self._op: Op[CallLogged] | None = None
        self._go_next = False
        self.saving = False
        title = self.tr("Correct call — %1") if target.correcting else self.tr("Log call — %1")
        self.setWindowTitle(title.replace("%1", f"{target.lead_name} ({target.company})"))
        self.setObjectName("callDialog")

        # Who is being called, and the numbers: a click dials and starts the timer.
        self.header = QLabel(header_html(target))
        self.header.setObjectName("callHeader")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.header.linkActivated.connect(self.dial)

        # Outcome
        self.outcome = OutcomePicker()
        self.outcomes = self.outcome.group
        self.outcome.picked.connect(self.on_outcome_picked)

        # Timer
        self.timer = CallTimer()
        timer_row = QHBoxLayout()
        timer_row.addWidget(self.timer)
        timer_row.addStretch(1)
        self.temperature = QComboBox()
        self.temperature.setObjectName("temperature")
        self.temperature.addItem(self.tr("Temperature: not set"), None)
        for code in ("hot", "warm", "cold"):
            self.temperature.addItem(labels.temperature(code), code)
        timer_row.addWidget(self.temperature)

        # Notes
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setPlaceholderText(self.tr("What was said (the prospect's words)…"))
        self.notes.setTabChangesFocus(True)

        # BANT
        self.bant = BantEditor(target.qualification)
        self.bant_values = self.bant.values
        self.bant_evidence = self.bant.evidence
        self.discovery = DiscoveryFields()  # challenge, competitors, decision process

        # Next step
        self.next_step = QComboBox()
        self.next_step.setObjectName("nextStep")
        self.next_step.addItem(self.tr("No next step"), NextStep.NONE.value)
        self.next_step.addItem(self.tr("Callback at"), NextStep.CALLBACK.value)
        self.next_step.addItem(self.tr("Meeting at"), NextStep.MEETING.value)
        # Left as they are, the callback and the meeting the lead waits for stand;
        # cancelling one is a choice.
        for when, label, step in (
            (target.callback_at, self.tr("Cancel the callback of %1"), NextStep.CANCEL_CALLBACK),
            (target.meeting_at, self.tr("Cancel the meeting of %1"), NextStep.CANCEL_MEETING),
        ):
            if when is not None:
                self.next_step.addItem(fill(label, labels.datetime_short(when)), step.value)
        self.when = QDateTimeEdit()
        self.when.setObjectName("when")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat(formats.qt_datetime_format())  # the app's one date style
        self.when.setDateTime(follow_up_default(target.follow_up_default))
        self.when.setEnabled(False)
        self.next_step.currentIndexChanged.connect(self.on_next_step_changed)
        next_row = QHBoxLayout()
        next_row.addWidget(QLabel(self.tr("Next step")))
        next_row.addWidget(self.next_step)
        next_row.addWidget(self.when)
        next_row.addStretch(1)

        # Who else is on the phone with the lead, or changed it meanwhile (the claim).
        self.presence = CallPresence(
            ops, user_id, target.lead_id, lambda: self.target.version, self,
            claim=target.correcting is None,
        )  # fmt: skip
        self.presence.lead_changed.connect(self._reload_lead)

        # Errors and buttons
        self.error = error_label("callError")
        self.retry_button = QPushButton(self.tr("Retry now"))
        self.retry_button.hide()
        self.retry_button.clicked.connect(self._submit)
        self.save_next_button = QPushButton(self.tr("Save and next"))
        self.save_next_button.setObjectName("saveNext")
        self.save_next_button.setDefault(True)
        self.save_next_button.setAutoDefault(True)
        self.save_next_button.setToolTip("Enter / Ctrl+Return")
        self.save_next_button.clicked.connect(lambda: self.save(go_next=True))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("save")
        self.save_button.setAutoDefault(False)
        self.save_button.setToolTip("Ctrl+S")
        self.save_button.clicked.connect(lambda: self.save(go_next=False))
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.retry_button)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.save_next_button)
        for key, go_next in (
            (QKeySequence("Ctrl+Return"), True),
            (QKeySequence("Ctrl+Enter"), True),
            (QKeySequence(QKeySequence.StandardKey.Save), False),
        ):
            shortcut = QShortcut(key, self)
            shortcut.activated.connect(lambda go_next=go_next: self.save(go_next=go_next))

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.outcome)
        layout.addLayout(timer_row)
        layout.addWidget(self.notes, 1)
        layout.addWidget(self.bant)
        layout.addWidget(self.discovery)
        layout.addLayout(next_row)
        layout.addWidget(self.presence.notice)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self._chain_tab_order(cancel)  # once every widget is in the dialog
        self.resize(720, 640)

        if target.correcting is not None:
            self._load(target.correcting)
        self._pristine = self.draft_state()

    def _chain_tab_order(self, cancel: QPushButton) -> None:
        """Tab follows the work: outcome, notes, temperature, BANT, next step, save."""
        chain: list[QWidget] = [
            *self.outcome.group.buttons(),
            self.notes,
            self.temperature,
            *self.bant.focus_chain(),
            *self.discovery.focus_chain(),
            self.next_step,
            self.when,
            self.save_next_button,
            self.save_button,
            cancel,
            self.timer.button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def dial(self, url: str) -> None:
        """Hand the number to the softphone and start timing the call."""
        open_link(url)
        self.timer.start()

    # -- Draft ------------------------------------------------------------------------
    def _load(self, call: CallItem) -> None:
        self.outcome.select(call.outcome)
        self.notes.setPlainText(call.notes or "")
        self.temperature.setCurrentIndex(max(self.temperature.findData(call.temperature), 0))
        step = call.next_step or NextStep.NONE.value
        self.next_step.setCurrentIndex(max(self.next_step.findData(step), 0))
        when = call.callback_at or call.meeting_at
        if when is not None:
            self.when.setDateTime(QDateTime(when.astimezone()))
        self.timer.load(call.started_at, call.duration_seconds)
        self.discovery.load(call)

    def selected_outcome(self) -> str | None:
        return self.outcome.selected()

    def draft_state(self) -> tuple[object, ...]:
        return (
            self.selected_outcome(),
            self.notes.toPlainText(),
            self.temperature.currentData(),
            self.next_step.currentData(),
            self.when.dateTime().toString(Qt.DateFormat.ISODate),
            self.bant.state(),
            self.discovery.state(),
        )

    def is_dirty(self) -> bool:
        return self.draft_state() != self._pristine

    def draft(self) -> CallDraft:
        step = self.next_step.currentData()
        when = qdatetime_utc(self.when.dateTime()) if step != NextStep.NONE else None
        return CallDraft(
            lead_id=self.target.lead_id,
            outcome=self.selected_outcome() or "",
            started_at=self.timer.started_at(),
            duration_seconds=self.timer.duration(),
            notes=self.notes.toPlainText(),
            temperature=self.temperature.currentData(),
            bant=self.bant.answers(),
            next_step=step,
            callback_at=when if step == NextStep.CALLBACK else None,
            meeting_at=when if step == NextStep.MEETING else None,
            seen_version=self.target.version,
            **self.discovery.values(),
        )

    # -- Slots ------------------------------------------------------------------------
    def on_outcome_picked(self, outcome: str) -> None:
        if outcome == Outcome.CALLBACK_REQUESTED:
            self.next_step.setCurrentIndex(self.next_step.findData(NextStep.CALLBACK.value))
        elif outcome == Outcome.MEETING_BOOKED:
            self.next_step.setCurrentIndex(self.next_step.findData(NextStep.MEETING.value))
        if outcome in (Outcome.CONNECTED, Outcome.MEETING_BOOKED):
            self.discovery.expand()
        self.error.hide()

    def on_next_step_changed(self, _index: int) -> None:
        self.when.setEnabled(self.next_step.currentData() in (NextStep.CALLBACK, NextStep.MEETING))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Digits pick the outcome unless the rep is typing text."""
        focus = self.focusWidget()
        typing = isinstance(focus, QLineEdit | QPlainTextEdit | QDateTimeEdit)
        text = event.text()
        if (
            not typing
            and text
            and event.modifiers()
            in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
            and self.outcome.pick_key(text)
        ):
            return
        super().keyPressEvent(event)

    # -- Saving -----------------------------------------------------------------------
    def save(self, *, go_next: bool) -> None:
        if self.saving:
            return
        if self.selected_outcome() is None:
            self._show_error(self.tr("Choose an outcome (keys 1–9, 0)."))
            self.outcomes.button(0).setFocus()
            return
        correcting = self.target.correcting
        try:
            keep = correcting.callback_at if correcting is not None else None
            validate(self.draft(), datetime.now(UTC), keep_callback=keep)
        except BatonError as exc:
            self._show_error(errors.message(exc), exc.params.get("field"))
            return
        if self.selected_outcome() == Outcome.DO_NOT_CALL and not self._confirm_do_not_call():
            return
        self._go_next = go_next
        self._submit()

    def _confirm_do_not_call(self) -> bool:
        """Do-not-call is for good: it always asks, and the default answer is No."""
        answer = ask(
            self,
            self.tr("Do not call"),
            fill(
                self.tr(
                    "Mark %1 as do-not-call? Calls are switched off and the lead never "
                    "returns to any queue."
                ),
                self.target.lead_name,
            ),
        )
        return answer == Button.Yes

    def _submit(self) -> None:
        if self._op is not None:
            self._op.cancel()  # "Retry now" replaces a retry that is waiting
        draft = self.draft()
        correcting = self.target.correcting
        now = datetime.now(UTC)
        self.saving = True
        self.retry_button.hide()
        self._set_busy(True)
        if correcting is None:
            op = call_ops.log_call(self._ops, self._user_id, draft, now, owner=self)
        else:
            op = call_ops.correct_call(self._ops, self._user_id, correcting.id, draft, now, self)
        self._op = op.success(self._on_saved).refused(self._on_refused)
        self._op.retrying(self._on_retrying).failed(self._on_failed).run()

    def _on_saved(self, result: CallLogged) -> None:
        self._op = None
        self.saving = False
        self._set_busy(False)
        self._pristine = self.draft_state()
        self.timer.stop()
        self.saved.emit(result.lead_id, self._go_next)
        self.accept()

    def _on_refused(self, text: str, exc: BaseException) -> None:
        field = exc.params.get("field") if isinstance(exc, BatonError) else None
        self._show_error(text, field)
        if isinstance(exc, ConcurrentChange):
            self._reload_lead()

    def _reload_lead(self) -> None:
        """Someone changed the lead: show its current values where the rep typed
        nothing, keep what they typed, and save against the new version next time."""
        op = lead_ops.lead_detail(self._ops, self.target.lead_id, datetime.now(UTC), self)
        op.success(self._on_reloaded).run()

    def _on_reloaded(self, detail: LeadDetail) -> None:
        current = target_for(detail, self.target.correcting)
        self.bant.refresh(current.qualification)
        self.target = current
        self.reloaded.emit()

    def _on_retrying(self, _why: str) -> None:
        # The database is busy or gone: the draft stays here and the save is retried.
        self.retry_button.show()
        self._show_error(
            self.tr(
                "Not saved yet. Your call is kept here and is saved as soon as the "
                "database answers."
            )
        )

    def _on_failed(self, failure: Failure) -> None:
        self._op = None
        self.saving = False
        self._set_busy(False)
        if failure.kind is not Kind.REFUSAL:
            self.retry_button.show()
            self._show_error(self.tr("Not saved. Your call is kept here; press Retry now."))

    def _set_busy(self, busy: bool) -> None:
        for button in (self.save_button, self.save_next_button):
            button.setEnabled(not busy)

    def _show_error(self, text: str, field: object = None) -> None:
        self.error.setText(text)
        self.error.show()
        focus = {
            "callback_at": self.when,
            "meeting_at": self.when,
            "notes": self.notes,
            "temperature": self.temperature,
            "next_step": self.next_step,
        }.get(str(field))
        if focus is None and isinstance(field, str) and field.startswith("bant."):
            focus = self.bant_values.get(field.removeprefix("bant."))
        if focus is None and self.discovery.focus(str(field)):
            return
        if focus is not None:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- Closing ----------------------------------------------------------------------
    def reject(self) -> None:
        if self.is_dirty() and not self.confirm_discard():
            return
        self.timer.stop()
        super().reject()

    def confirm_discard(self) -> bool:
        answer = ask(
            self,
            self.tr("Discard this call?"),
            fill(
                self.tr("The call for %1 has not been saved. Discard what you typed?"),
                self.target.lead_name,
            ),
            Button.Discard | Button.Cancel,
            Button.Cancel,
        )
        return answer == Button.Discard

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_dirty() and not self.confirm_discard():
            event.ignore()
            return
        self.timer.stop()
        super().closeEvent(event)
