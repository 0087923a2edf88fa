"""The queue as a table: fixed row height, sorting in SQL, a selection that survives reloads.

When the model reloads (a filter, a sort, a write elsewhere), the view keeps the lead
that was selected, or follows the hint it was given: after a call saved with "next",
the top of the queue (unless that is the lead just worked); after "save and stay", the
same lead wherever it moved.

Signals: ``lead_changed(object)`` with the selected lead's id (None when the queue is
empty); ``opened()`` when the rep presses Enter or double-clicks a lead.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop.queue.model import (
    COL_COMPANY,
    COL_INDUSTRY,
    COL_LAST_TOUCH,
    COL_NAME,
    COL_PRIORITY,
    COL_SCORE,
    COL_STAGE,
    COL_WHY_NOW,
    QueueModel,
)

ROW_HEIGHT = 26
COLUMN_WIDTHS = {
    COL_PRIORITY: 60,
    COL_NAME: 130,
    COL_COMPANY: 200,
    COL_INDUSTRY: 110,
    COL_SCORE: 60,
    COL_LAST_TOUCH: 130,
    COL_WHY_NOW: 220,
    COL_STAGE: 80,
}
NEXT = "next"
SAME = "same"


class QueueView(QTableView):
    lead_changed = Signal(object)
    opened = Signal()

    def __init__(self, model: QueueModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queue")
        self.setModel(model)
        self._model = model
        self._keep: int | None = None
        self._after: tuple[str, int] | None = None
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSortingEnabled(True)
        self.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        vertical = self.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(ROW_HEIGHT)
        vertical.hide()
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        model.modelAboutToBeReset.connect(self._remember_selection)
        model.modelReset.connect(self._restore_selection)
        self.selectionModel().currentRowChanged.connect(self.on_current_row_changed)
        self.activated.connect(lambda _index: self.opened.emit())

    def current_lead_id(self) -> int | None:
        index = self.currentIndex()
        return self._model.lead_id(index.row()) if index.isValid() else None

    def select_after_reload(self, mode: str, lead_id: int) -> None:
        """After the next reload select the top lead (``NEXT``) or this one (``SAME``)."""
        self._after = (mode, lead_id)

    def select_row(self, row: int) -> None:
        index = self._model.index(row, 0)
        self.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.scrollTo(index)

    def next_lead(self) -> None:
        """The top of the queue, with the keyboard focus on it."""
        if self._model.rowCount():
            self.select_row(0)
            self.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.lead_changed.emit(self._model.lead_id(current.row()) if current.isValid() else None)

    def _remember_selection(self) -> None:
        self._keep = self.current_lead_id()

    def _restore_selection(self) -> None:
        model = self._model
        after, self._after = self._after, None
        keep, self._keep = self._keep, None
        if model.rowCount() == 0:
            self.lead_changed.emit(None)
            return
        row = None
        if after is not None and after[0] == NEXT:
            # The next lead: the top of the queue, unless that is the one just worked.
            row = 0 if model.lead_id(0) != after[1] else min(1, model.rowCount() - 1)
        elif after is not None:
            row = model.row_of(after[1])
        elif keep is not None:
            row = model.row_of(keep)
        self.select_row(row if row is not None else 0)
        if after is not None and after[0] == NEXT:
            self.setFocus(Qt.FocusReason.OtherFocusReason)
