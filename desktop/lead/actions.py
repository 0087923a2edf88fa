"""What a rep does to the selected lead: log or correct a call, return it to nurture,
disqualify it, mark it do-not-call, enter a new number. Opens the dialogs and runs the
operations.

Signals: ``worked(str mode, int lead_id)`` when a lead was worked and the queue should
select the next lead (``"next"``) or stay on it (``"same"``) after it reloads;
``message(str)`` for a short status line.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from desktop.dialogs.call_dialog import CallDialog
from desktop.dialogs.call_target import CallTarget, target_for
from desktop.dialogs.phone_dialog import PhoneDialog
from desktop.dialogs.reason_dialog import DISQUALIFY, RECYCLE, ReasonDialog
from desktop.i18n.messages import message
from desktop.lead.pane import LeadPane
from desktop.operations import lead_actions as lead_ops
from desktop.operations.runner import Operations
from desktop.queue.view import NEXT, SAME
from desktop.widgets.message_boxes import Button, ask, say
from desktop.widgets.phone_text import open_link
from desktop.widgets.rich_text import fill
from models.core.enums import Outcome
from models.leads.availability import LeadAction
from models.leads.calls import CallItem


class LeadActions(QObject):
    worked = Signal(str, int)
    message = Signal(str)

    def __init__(self, ops: Operations, user_id: int, pane: LeadPane, window: QWidget) -> None:
        super().__init__(window)
        self._ops = ops
        self._user_id = user_id
        self._pane = pane
        self._window = window
        self.call_dialog: CallDialog | None = None
        self._menu: dict[LeadAction, QAction] = {}
        # The last dialog opened to take a lead out of the queue.
        self.reason_dialog: ReasonDialog | None = None
        # The last dialog opened to enter a new number.
        self.phone_dialog: PhoneDialog | None = None

    # -- Calls ------------------------------------------------------------------------
    def _refused(self, action: LeadAction) -> bool:
        """Say at once why the lead on screen cannot take ``action`` (before any typing)."""
        detail = self._pane.detail
        if detail is None:
            return True
        refusal = detail.refusals.get(action)
        if refusal is not None:
            say(self._window, message(refusal))
        return refusal is not None

    def bind_menu(self, menu: dict[LeadAction, QAction]) -> None:
        """Keep the menu's lead actions enabled as the pane's buttons, with their reasons.
        Calling stays enabled: F2 on a lead that cannot be called says why."""
        self._menu = menu
        self._pane.shown.connect(self._sync_menu)

    def _sync_menu(self) -> None:
        buttons = self._pane.work.buttons()
        for action, item in self._menu.items():
            button = buttons[action]
            item.setEnabled(action == LeadAction.CALL or button.isEnabled())
            item.setToolTip(button.toolTip())

    def on_log_call_triggered(self) -> None:
        detail = self._pane.detail
        if detail is None or self._refused(LeadAction.CALL):
            return
        self._open_call_dialog(target_for(detail))

    def on_dialed(self, url: str) -> None:
        """A number clicked in the pane: dial it, and open the call dialog (if this lead
        can be called) with its timer running."""
        detail = self._pane.detail
        if detail is None or LeadAction.CALL in detail.refusals:
            open_link(url)
            return
        self._open_call_dialog(target_for(detail))
        if self.call_dialog is not None:
            self.call_dialog.dial(url)

    def on_correct_requested(self, call: CallItem) -> None:
        if self._pane.detail is not None:
            self._open_call_dialog(target_for(self._pane.detail, call))

    def _open_call_dialog(self, target: CallTarget) -> None:
        if self.call_dialog is not None and self.call_dialog.isVisible():
            self.call_dialog.raise_()
            self.call_dialog.activateWindow()
            return
        dialog = CallDialog(self._ops, self._user_id, target, self._window)
        dialog.saved.connect(self.on_call_saved)
        dialog.finished.connect(self._on_call_dialog_finished)
        self.call_dialog = dialog
        dialog.open()
        dialog.outcomes.button(0).setFocus()

    def _on_call_dialog_finished(self, _code: int) -> None:
        self.call_dialog = None

    def on_call_saved(self, lead_id: int, go_next: bool) -> None:
        self.worked.emit(NEXT if go_next else SAME, lead_id)
        self.message.emit(self.tr("Call saved."))
        dialog = self.call_dialog  # still set: the dialog closes after it says it saved
        if dialog is not None and dialog.selected_outcome() == Outcome.NOT_INTERESTED:
            # Not interested: straight on to returning the lead to nurture (reason and
            # re-entry date proposed, Enter confirms); Cancel leaves it for Disqualify.
            target = dialog.target
            reason_dialog = ReasonDialog(
                self._ops,
                self._user_id,
                target.lead_id,
                target.lead_name,
                RECYCLE,
                None,
                self._window,
                reason="no_need",
            )
            reason_dialog.completed.connect(lambda worked: self.worked.emit(NEXT, worked))
            reason_dialog.open()
            self.reason_dialog = reason_dialog

    def confirm_close(self) -> bool:
        """May the window close? Asks first when a call is typed but not saved."""
        dialog = self.call_dialog
        if dialog is None or not dialog.isVisible() or not (dialog.is_dirty() or dialog.saving):
            return True
        if not dialog.confirm_discard():
            return False
        dialog.done(0)
        return True

    # -- Taking the lead out of the queue ---------------------------------------------
    def on_recycle_requested(self) -> None:
        self._open_reason_dialog(RECYCLE)

    def on_disqualify_requested(self) -> None:
        self._open_reason_dialog(DISQUALIFY)

    def _open_reason_dialog(self, mode: str) -> None:
        detail = self._pane.detail
        action = LeadAction.RECYCLE if mode == RECYCLE else LeadAction.DISQUALIFY
        if detail is None or self._refused(action):
            return
        dialog = ReasonDialog(
            self._ops, self._user_id, detail.id, detail.name, mode, detail.version, self._window
        )
        self.reason_dialog = dialog
        dialog.completed.connect(lambda lead_id: self.worked.emit(NEXT, lead_id))
        dialog.open()

    def on_do_not_call_requested(self) -> None:
        detail = self._pane.detail
        if detail is None or detail.do_not_call or self._refused(LeadAction.DO_NOT_CALL):
            return
        answer = ask(
            self._window,
            self.tr("Do not call"),
            fill(
                self.tr(
                    "Mark %1 as do-not-call? Calls are switched off and the lead never "
                    "returns to any queue."
                ),
                detail.name,
            ),
        )
        if answer != Button.Yes:
            return
        lead_id = detail.id
        self.worked.emit(NEXT, lead_id)
        lead_ops.mark_do_not_call(
            self._ops, self._user_id, lead_id, datetime.now(UTC), detail.version, self
        ).run()

    # -- The lead's number --------------------------------------------------------------
    def on_phone_requested(self) -> None:
        detail = self._pane.detail
        if detail is None or self._refused(LeadAction.PHONE):
            return
        dialog = PhoneDialog(self._ops, self._user_id, detail, self._window)
        self.phone_dialog = dialog
        dialog.completed.connect(self._on_phone_saved)
        dialog.open()

    def _on_phone_saved(self, lead_id: int) -> None:
        # The lead is reachable again and rises in the queue: stay on it, to call it.
        self.worked.emit(SAME, lead_id)
        self.message.emit(self.tr("New number saved."))
