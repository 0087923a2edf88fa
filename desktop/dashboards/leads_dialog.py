"""The leads behind a bar of the funnel: name, company, stage, owner and MQL date, the
newest MQLs first (at most :data:`~desktop.dashboards.loading.BEHIND_LIMIT`, the total
said); or those of the stage before that did not get there (the drop-off). Double-click
(or Enter) opens a lead in the main window.

Signals: ``open_lead(int)``; ``loaded(int total)`` each time the list is (re)loaded.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QVBoxLayout,
    QWidget,
)

from desktop.dashboards import loading, texts
from desktop.dashboards.choice import KpiChoice
from desktop.dashboards.loading import Behind
from desktop.dashboards.table_model import fit, table_view
from desktop.i18n import formats, labels
from desktop.operations.runner import Operations
from desktop.widgets.error_label import error_label
from desktop.widgets.rich_text import fill, plain_label, tooltip
from desktop.widgets.row_list_model import RowListModel
from models.leads.queue import QueueRow
from models.teams.users import UserInfo

_Index = QModelIndex | QPersistentModelIndex
LeadIdRole = Qt.ItemDataRole.UserRole + 1
COL_NAME, COL_COMPANY, COL_STAGE, COL_OWNER, COL_MQL = range(5)


class LeadsModel(RowListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = (
            self.tr("Name"),
            self.tr("Company"),
            self.tr("Stage"),
            self.tr("Owner"),
            self.tr("MQL date"),
        )

    def set_rows(self, rows: list[QueueRow]) -> None:
        self._reset(rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row: QueueRow = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                COL_NAME: row.name,
                COL_COMPANY: row.company,
                COL_STAGE: labels.stage(row.stage),
                COL_OWNER: row.owner_name or "",
                COL_MQL: formats.datetime_text(row.mql_at),
            }.get(column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (COL_NAME, COL_COMPANY):
            return tooltip(row.name if column == COL_NAME else row.company)
        if role == LeadIdRole:
            return row.id
        return None


class LeadsBehindDialog(QDialog):
    open_lead = Signal(int)
    loaded = Signal(int)

    def __init__(
        self,
        ops: Operations,
        user: UserInfo,
        choice: KpiChoice,
        stage: str,
        now: datetime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("leadsBehind")
        self._ops, self._user, self._choice, self._now = ops, user, choice, now
        self.stage = stage
        self.setWindowTitle(fill(self.tr("Leads: %1 — Baton"), texts.stage(stage)))
        self.summary = plain_label()
        self.summary.setObjectName("leadsBehindSummary")
        self.dropped = QCheckBox(self.tr("Only those of the stage before that did not get here"))
        self.dropped.setEnabled(stage != "mql")
        self.dropped.toggled.connect(self.load)
        self.model = LeadsModel(self)
        self.table = table_view("leadsBehindTable", self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.activated.connect(self.on_table_activated)
        self.error = error_label("leadsBehindError")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        hint = plain_label(self.tr("Double-click a lead to open it in the main window."))
        hint.setStyleSheet("color: #666")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.dropped)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.behind: Behind | None = None
        self._generation = 0
        self.resize(760, 480)

    def load(self) -> None:
        self._generation += 1
        generation = self._generation
        self.summary.setText(self.tr("Loading…"))
        op = loading.behind(
            self._ops,
            self._user.id,
            self._choice,
            self.stage,
            self.dropped.isChecked(),
            self._now,
            self,
        )
        op.success(lambda found: self._on_loaded(generation, found)).refused(
            lambda text, _exc: self._on_refused(generation, text)
        ).run()

    def _on_loaded(self, generation: int, behind: Behind) -> None:
        if generation != self._generation:
            return
        self.behind = behind
        self.error.hide()
        self.model.set_rows(behind.rows)
        fit(self.table)
        found = behind.found
        template = (
            self.tr("%1 leads of the stage before did not get to “%2”.")
            if found.dropped
            else self.tr("%1 leads got to “%2”.")
        )
        text = fill(template, texts.number(found.total), texts.stage(self.stage))
        if found.total > len(found.lead_ids):
            text += " " + fill(self.tr("The newest %1 are listed."), len(found.lead_ids))
        self.summary.setText(text)
        self.loaded.emit(found.total)

    def _on_refused(self, generation: int, text: str) -> None:
        if generation == self._generation:
            self.summary.setText("")
            self.error.setText(text)
            self.error.show()

    def on_table_activated(self, index: QModelIndex) -> None:
        lead_id = index.siblingAtColumn(COL_NAME).data(LeadIdRole)
        if lead_id is not None:
            self.open_lead.emit(int(lead_id))
