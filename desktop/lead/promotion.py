"""Promote the lead on screen to field sales: opens the promotion dialog, keeps the menu
action enabled as the pane's button (with its reason).

Signals: ``worked(str mode, int lead_id)`` once a lead was handed off (the queue moves
on to the next lead); ``message(str)`` for a short status line.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from desktop.dialogs.promote_dialog import PromoteDialog
from desktop.lead.pane import LeadPane
from desktop.operations.runner import Operations
from desktop.queue.view import NEXT
from desktop.widgets.message_boxes import say


class Promotion(QObject):
    worked = Signal(str, int)
    message = Signal(str)

    def __init__(self, ops: Operations, user_id: int, pane: LeadPane, window: QWidget) -> None:
        super().__init__(window)
        self._ops = ops
        self._user_id = user_id
        self._pane = pane
        self._window = window
        self._menu: QAction | None = None
        #: The last promotion dialog opened.
        self.dialog: PromoteDialog | None = None
        pane.handoff.promote_requested.connect(self.on_promote_requested)
        pane.shown.connect(self._sync_menu)

    def bind_menu(self, action: QAction) -> None:
        self._menu = action
        action.triggered.connect(self.on_promote_requested)
        self._sync_menu()

    def _sync_menu(self) -> None:
        if self._menu is None:
            return
        button = self._pane.handoff.promote_button
        self._menu.setEnabled(self._pane.view is not None and button.isEnabled())
        self._menu.setToolTip(button.toolTip())

    def on_promote_requested(self) -> None:
        view = self._pane.view
        if view is None:
            return
        refusal = self._pane.handoff.refusal
        if refusal is not None:
            say(self._window, refusal)
            return
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.activateWindow()
            return
        dialog = PromoteDialog(self._ops, self._user_id, view, self._window)
        dialog.completed.connect(self._on_promoted)
        self.dialog = dialog
        dialog.open()

    def _on_promoted(self, lead_id: int) -> None:
        self.worked.emit(NEXT, lead_id)
        self.message.emit(self.tr("Handed off to field sales."))
