"""A distribution (or rebalancing) plan, shown before anything is assigned.

Who receives how many (with their open leads and free capacity), which lead goes to
whom, and the leads that cannot be placed with why. Apply writes exactly the plan shown:
if the leads or the reps changed meanwhile, nothing is assigned, the refusal is said
under the plan and the current plan is shown to be checked and applied again.

Signals: ``applied(Distributed)`` once the plan is written (the dialog then closes).
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import assignment_labels
from desktop.operations import assignment as assignment_ops
from desktop.operations.runner import Operations
from desktop.widgets.error_label import error_label
from desktop.widgets.rich_text import fill, plain_label
from models.core.errors import ConcurrentChange
from models.db.failures import Failure
from models.leads.distribution import Distributed, Plan
from models.teams.users import UserInfo


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    table.setRowCount(len(rows))
    for n, row in enumerate(rows):
        for column, text in enumerate(row):
            table.setItem(n, column, QTableWidgetItem(text))


class PlanDialog(QDialog):
    applied = Signal(object)

    def __init__(
        self,
        ops: Operations,
        user: UserInfo,
        team_id: int,
        untouched_days: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ops = ops
        self._user = user
        self._team_id = team_id
        self._days = untouched_days
        #: The plan shown (what Apply writes).
        self.plan: Plan | None = None
        self.setObjectName("planDialog")
        if untouched_days is None:
            self.setWindowTitle(self.tr("Distribute new leads"))
        else:
            self.setWindowTitle(
                fill(self.tr("Rebalance leads untouched for %1 days"), untouched_days)
            )
        self.heading = plain_label()
        self.heading.setObjectName("planHeading")
        self.heading.setWordWrap(True)
        self.receivers_table = _table(
            "planReceivers",
            [self.tr("Rep"), self.tr("Receives"), self.tr("Open leads"), self.tr("Free capacity")],
        )
        self.placements_table = _table("planPlacements", [self.tr("Lead"), self.tr("Goes to")])
        self.unplaced_label = plain_label()
        self.unplaced_label.setObjectName("planUnplacedCount")
        self.unplaced_label.setStyleSheet("color: #b00020; font-weight: 600")
        self.unplaced_table = _table("planUnplaced", [self.tr("Lead"), self.tr("Why not placed")])
        self.error = error_label("planError")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.apply_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.apply_button.setText(self.tr("Apply"))
        self.apply_button.setEnabled(False)
        self.buttons.accepted.connect(self.on_apply_clicked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.receivers_table)
        layout.addWidget(self.placements_table, 2)
        layout.addWidget(self.unplaced_label)
        layout.addWidget(self.unplaced_table, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(720, 600)
        self.load()

    def load(self) -> None:
        self.apply_button.setEnabled(False)
        op = assignment_ops.plan(
            self._ops, self._user.id, self._team_id, datetime.now(UTC), self._days, self
        )
        op.success(self._on_planned).refused(self._on_refused).run()

    def _on_planned(self, result: Distributed) -> None:
        plan = self.plan = result.plan
        if plan.placements:
            self.heading.setText(
                fill(
                    self.tr("%1: %2 leads to place. Nothing is assigned until you apply."),
                    plan.team_name,
                    len(plan.placements),
                )
            )
        else:
            self.heading.setText(fill(self.tr("%1: no lead can be placed now."), plan.team_name))
        _fill(
            self.receivers_table,
            [
                (
                    r.name
                    if r.away is None
                    else f"{r.name} ({assignment_labels.status(True, r.away)})",
                    str(r.receives),
                    str(r.open_leads),
                    f"{r.free_capacity} / {r.capacity}",
                )
                for r in plan.receivers
            ],
        )
        _fill(self.placements_table, [(p.lead, p.to_name) for p in plan.placements])
        why = assignment_labels.unplaced
        _fill(self.unplaced_table, [(u.lead, why(u.reason)) for u in plan.unplaced])
        count = len(plan.unplaced)
        self.unplaced_label.setText(self.tr("Not placed: %n leads", "", count) if count else "")
        self.unplaced_table.setVisible(count > 0)
        self.apply_button.setEnabled(bool(plan.placements))

    def on_apply_clicked(self) -> None:
        if self.plan is None or not self.plan.placements:
            return
        self.apply_button.setEnabled(False)
        self.error.hide()
        op = assignment_ops.apply(
            self._ops,
            self._user.id,
            self._team_id,
            datetime.now(UTC),
            self._days,
            self.plan.assignments,
            self,
        )
        op.success(self._on_applied).refused(self._on_refused).failed(self._on_failed).run()

    def _on_applied(self, result: Distributed) -> None:
        self.applied.emit(result)
        self.accept()

    def _on_refused(self, text: str, exc: BaseException) -> None:
        self.error.setText(text)
        self.error.show()
        if isinstance(exc, ConcurrentChange):
            self.load()  # the plan as it is now, to check and apply again

    def _on_failed(self, _failure: Failure) -> None:
        self.apply_button.setEnabled(self.plan is not None and bool(self.plan.placements))
