"""The queue as a table: fixed row height, sorting in SQL, a selection that survives reloads.

When the model reloads (a filter, a sort, a write elsewhere), the view keeps the lead
that was selected, or follows the hint it was given: after a call saved with "next",
the top of the priority order whatever the sort (unless that is the lead just worked);
after "save and stay", the same lead, kept at its row while the rep stays on it (its
new priority places it once they move on). Ctrl+J ("next lead") is the top of the
priority order too.

Signals: ``lead_changed(object)`` with the selected lead's id (None when the queue is
empty); ``opened()`` when the rep presses Enter or double-clicks a lead.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop.i18n import labels
from desktop.queue.model import (
    COL_ATTEMPTS,
    COL_CLAIM,
    COL_COMPANY,
    COL_INDUSTRY,
    COL_LAST_CALL,
    COL_LAST_TOUCH,
    COL_NAME,
    COL_PRIORITY,
    COL_SCORE,
    COL_SLA,
    COL_STAGE,
    COL_WHY_NOW,
    QueueModel,
)
from models.core.enums import Stage, TouchKind

ROW_HEIGHT = 26
#: What a column must show whole, as sample text (names and companies longer than the
#: sample are elided, whole in their tooltip).
_SAMPLES = {
    COL_PRIORITY: ["999"],
    COL_NAME: ["渡辺 由美子", "Emily Carter"],
    COL_CLAIM: ["☎ 渡辺 由美子", "☎ Emily Carter"],
    COL_COMPANY: ["株式会社グローバル物産", "Northwind Traders"],
    COL_SCORE: ["100 A"],
    COL_ATTEMPTS: ["99"],
    COL_STAGE: [labels.stage(s.value) for s in Stage],
}
#: A why-now text longer than this is elided (whole in its tooltip).
_WHY_NOW_MAX = 300
_PADDING = 18
#: The touches that make a lead hot (the scoring definition's default hot kinds).
HOT_KINDS = (TouchKind.INQUIRY, TouchKind.DEMO_REQUEST, TouchKind.PRICING_PAGE)
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
        self.size_columns()
        model.modelAboutToBeReset.connect(self._remember_selection)
        model.modelReset.connect(self._restore_selection)
        self.selectionModel().currentRowChanged.connect(self.on_current_row_changed)
        self.activated.connect(lambda _index: self.opened.emit())

    def size_columns(self) -> None:
        """Each column as wide as what it must show whole, and its header."""
        metrics = self.fontMetrics()
        header = self.horizontalHeader()
        header_metrics = header.fontMetrics()
        moment = datetime(2026, 12, 30, 23, 59, tzinfo=UTC)
        samples = dict(_SAMPLES)
        samples[COL_LAST_CALL] = samples[COL_LAST_TOUCH] = [labels.datetime_short(moment)]
        samples[COL_SLA] = self._model.sla_samples()
        samples[COL_INDUSTRY] = [labels.industry(code) for code in labels.INDUSTRIES]
        reasons = [labels.why_now(code) for code in labels.WHY_NOW]
        reasons += [labels.why_now(f"hot:{kind}") for kind in HOT_KINDS]  # the usual ones
        samples[COL_WHY_NOW] = reasons
        for column in range(self._model.columnCount()):
            title = str(self._model.headerData(column, Qt.Orientation.Horizontal) or "")
            width = header_metrics.horizontalAdvance(title) + 2 * _PADDING
            for text in samples.get(column, []):
                width = max(width, metrics.horizontalAdvance(text) + _PADDING)
            if column == COL_WHY_NOW:
                width = min(width, _WHY_NOW_MAX)
            header.resizeSection(column, width)

    def current_lead_id(self) -> int | None:
        index = self.currentIndex()
        return self._model.lead_id(index.row()) if index.isValid() else None

    def allow_many(self, allowed: bool) -> None:
        """Whether several leads can be selected at once (Shift/Ctrl+click: for those who
        may reassign them); the lead pane follows the current row either way."""
        mode = QAbstractItemView.SelectionMode
        self.setSelectionMode(mode.ExtendedSelection if allowed else mode.SingleSelection)

    def selected_lead_ids(self) -> list[int]:
        """The selected leads (the current one when no row is selected), in queue order."""
        rows = sorted(index.row() for index in self.selectionModel().selectedRows())
        ids = [self._model.lead_id(row) for row in rows]
        chosen = [lead_id for lead_id in ids if lead_id is not None]
        current = self.current_lead_id()
        return chosen or ([current] if current is not None else [])

    def select_after_reload(self, mode: str, lead_id: int) -> None:
        """After the next reload select the top lead (``NEXT``) or this one (``SAME``)."""
        self._after = (mode, lead_id)
        self._model.pin(lead_id if mode == SAME else None)

    def select_row(self, row: int) -> None:
        index = self._model.index(row, 0)
        self.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.scrollTo(index)

    def next_lead(self) -> None:
        """The top of the priority order (whatever the sort), with the keyboard focus."""
        if self._model.rowCount():
            self._model.pin(None)
            self.select_row(self._top_row(skip=None))
            self.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _top_row(self, skip: int | None) -> int:
        """The row of the top lead in priority order, or of the one after it when the
        top is ``skip`` (the lead just worked)."""
        model = self._model
        top = [i for i in model.top if i != skip]
        row = model.row_of(top[0]) if top else None
        if row is not None:
            return row
        return 0 if model.lead_id(0) != skip else min(1, model.rowCount() - 1)

    def on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        lead_id = self._model.lead_id(current.row()) if current.isValid() else None
        pinned = self._model.pinned
        if pinned is not None and pinned[0] != lead_id:
            self._model.pin(None)  # the rep moved on: the next reload places it
        self.lead_changed.emit(lead_id)

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
            # The next lead: the top of the priority order, unless that is the one just
            # worked.
            row = self._top_row(skip=after[1])
        elif after is not None:
            row = model.row_of(after[1])
        elif keep is not None:
            row = model.row_of(keep)
        self.select_row(row if row is not None else 0)
        if after is not None and after[0] == NEXT:
            self.setFocus(Qt.FocusReason.OtherFocusReason)
