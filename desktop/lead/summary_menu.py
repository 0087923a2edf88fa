"""The lead pane's summary menu (beside "Promote to field sales…"): copy or export the
lead's handoff summary, a preview before it is handed off.

Signals: ``message(str)`` after a copy or an export (for the status bar).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop.handoff.summary_actions import SummaryActions
from desktop.lead.pane import LeadPane
from desktop.operations.runner import Operations
from desktop.operations.summary import SummaryOf
from desktop.widgets.message_boxes import say


class LeadSummary(QObject):
    message = Signal(str)

    def __init__(self, ops: Operations, pane: LeadPane, window: QWidget) -> None:
        super().__init__(window)
        self._pane = pane
        self.actions = SummaryActions(ops, self._which, window, self._name)
        self.actions.message.connect(self.message)
        self.actions.refused.connect(lambda text: say(window, text))
        pane.handoff.summary_button.setMenu(self.actions.menu)
        pane.handoff.summary_button.setToolTip(
            self.tr("Copy the handoff summary or export it as PDF, HTML, Markdown or JSON")
        )

    def _which(self) -> SummaryOf | None:
        view = self._pane.view
        return SummaryOf(lead_id=view.detail.id) if view is not None else None

    def _name(self) -> str:
        view = self._pane.view
        return f"{view.detail.company}_{view.detail.name}" if view is not None else ""
