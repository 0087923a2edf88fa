"""Reassign one lead or many (Lead → Reassign…): choose the rep, say why.

The reps of the leads' team are listed with their open leads, free capacity and whether
they are away today; an away rep takes the leads only once the user ticks that they
should anyway. The reason is required (kept in each lead's history). The save carries the
version of each lead the dialog showed: if one changed meanwhile, nothing moves, the
refusal says what changed, the dialog reads the leads again and keeps the choice and the
reason, so the next OK saves against the leads as they are now. Every refusal is said
under the form.

Signals: ``reassigned(Reassigned)`` once saved (the dialog then closes).
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import assignment_labels
from desktop.operations import assignment as assignment_ops
from desktop.operations.assignment import ReassignForm
from desktop.operations.runner import Operations
from desktop.widgets.error_label import error_label
from desktop.widgets.rich_text import fill, plain_label
from models.core.errors import ConcurrentChange
from models.db.failures import Failure
from models.leads.assignment import ChosenLead, Reassigned
from models.leads.workload import RepLoad
from models.teams.users import UserInfo

#: How many of the chosen leads the dialog names (the rest are counted).
NAMED = 5
COL_NAME, COL_OPEN, COL_FREE, COL_STATUS = range(4)


class ReassignDialog(QDialog):
    reassigned = Signal(object)

    def __init__(
        self, ops: Operations, user: UserInfo, lead_ids: list[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ops = ops
        self._user = user
        self._lead_ids = sorted(set(lead_ids))
        #: The version of each lead as the dialog showed it (what the save is checked against).
        self.seen: dict[int, int] = {}
        self._members: list[RepLoad] = []
        self.setObjectName("reassignDialog")
        self.setWindowTitle(self.tr("Reassign leads"))
        self.summary = plain_label()
        self.summary.setObjectName("reassignLeads")
        self.summary.setWordWrap(True)
        self.reps = QTableWidget(0, 4)
        self.reps.setObjectName("reassignReps")
        self.reps.setHorizontalHeaderLabels(
            [self.tr("Rep"), self.tr("Open leads"), self.tr("Free capacity"), self.tr("Today")]
        )
        self.reps.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.reps.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.reps.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.reps.verticalHeader().hide()
        header = self.reps.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_STATUS, QHeaderView.ResizeMode.Stretch)
        self.reps.itemSelectionChanged.connect(self.on_rep_selection_changed)
        self.allow_away = QCheckBox(self.tr("Give them the leads even though they are away"))
        self.allow_away.setObjectName("allowAway")
        self.allow_away.hide()
        self.allow_away.toggled.connect(self._sync_ok)
        self.reason = QLineEdit()
        self.reason.setObjectName("reassignReason")
        self.reason.setPlaceholderText(self.tr("Why (kept in each lead's history)"))
        self.reason.textChanged.connect(self._sync_ok)
        self.error = error_label("reassignError")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Reassign"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.reps, 1)
        layout.addWidget(self.allow_away)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(620, 420)
        self._sync_ok()
        self.load()

    # -- Loading ----------------------------------------------------------------------
    def load(self) -> None:
        """Read the leads (their versions) and the team's members again."""
        self.loaded = False
        op = assignment_ops.reassign_form(
            self._ops, self._user.id, self._lead_ids, datetime.now(UTC), self
        )
        op.success(self._on_loaded).run()

    def _on_loaded(self, form: ReassignForm) -> None:
        chosen = self.chosen_id()
        self.seen = {lead.id: lead.version for lead in form.leads}
        self.summary.setText(self._summary(form.leads))
        self._members = [m for m in form.load.members if m.active]
        self.reps.setRowCount(len(self._members))
        for row, member in enumerate(self._members):
            cells = (
                member.name,
                str(member.open_leads),
                f"{member.free_capacity} / {member.capacity}",
                assignment_labels.status(member.active, member.away),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (COL_OPEN, COL_FREE):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if member.away is not None:
                    item.setForeground(Qt.GlobalColor.darkGray)
                self.reps.setItem(row, column, item)
            if member.user_id == chosen:
                self.reps.selectRow(row)
        self.loaded = True
        self._sync_ok()

    def _summary(self, leads: list[ChosenLead]) -> str:
        if len(leads) == 1:
            lead = leads[0]
            owner = lead.owner_name or self.tr("nobody")
            return fill(self.tr("%1 — now with %2"), lead.lead, owner)
        lines = [self.tr("%n leads selected:", "", len(leads))]
        lines += [
            f"• {lead.lead} — {lead.owner_name or self.tr('nobody')}" for lead in leads[:NAMED]
        ]
        if len(leads) > NAMED:
            lines.append(fill(self.tr("…and %1 more"), len(leads) - NAMED))
        return "\n".join(lines)

    # -- The form -----------------------------------------------------------------------
    def chosen(self) -> RepLoad | None:
        rows = self.reps.selectionModel().selectedRows()
        return self._members[rows[0].row()] if rows else None

    def chosen_id(self) -> int | None:
        member = self.chosen()
        return member.user_id if member is not None else None

    def select_rep(self, user_id: int) -> bool:
        for row, member in enumerate(self._members):
            if member.user_id == user_id:
                self.reps.selectRow(row)
                return True
        return False

    def on_rep_selection_changed(self) -> None:
        member = self.chosen()
        away = member is not None and member.away is not None
        self.allow_away.setVisible(away)
        if not away:
            self.allow_away.setChecked(False)
        self._sync_ok()

    def _sync_ok(self) -> None:
        member = self.chosen()
        ready = member is not None and bool(self.reason.text().strip()) and bool(self.seen)
        if member is not None and member.away is not None and not self.allow_away.isChecked():
            ready = False
        self.ok_button.setEnabled(ready)

    # -- Saving -------------------------------------------------------------------------
    def save(self) -> None:
        member = self.chosen()
        if member is None:
            return
        self.ok_button.setEnabled(False)
        self.error.hide()
        op = assignment_ops.reassign(
            self._ops,
            self._user.id,
            list(self.seen),
            member.user_id,
            self.reason.text(),
            datetime.now(UTC),
            dict(self.seen),
            allow_away=self.allow_away.isChecked(),
            owner=self,
        )
        op.success(self._on_saved).refused(self._on_refused).failed(self._on_failed).run()

    def _on_saved(self, result: Reassigned) -> None:
        self.reassigned.emit(result)
        self.accept()

    def _on_refused(self, text: str, exc: BaseException) -> None:
        self.error.setText(text)
        self.error.show()
        if isinstance(exc, ConcurrentChange):
            self.load()  # the leads as they are now; the choice and the reason stay
        else:
            self._sync_ok()

    def _on_failed(self, _failure: Failure) -> None:
        self._sync_ok()
