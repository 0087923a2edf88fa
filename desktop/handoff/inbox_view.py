"""Handoffs (引き渡し): a field rep's incoming handoffs to accept or reject; everyone's
for a team lead, the overdue ones marked and counted.

A window of its own (Go → Handoffs, Ctrl+Shift+H); a field rep sees it first, over the
main window. Answering runs through the operations; a refusal (answered meanwhile,
someone else's handoff) is said under the table.

Signals: ``loaded(int count)`` each time the list is (re)loaded.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs.reject_dialog import RejectDialog
from desktop.handoff.export_dialog import ExportDialog
from desktop.handoff.inbox_model import COL_FIELD_REP, COL_STATUS, HandoffModel
from desktop.handoff.summary_actions import SummaryActions
from desktop.i18n import formats, handoff_labels
from desktop.operations import handoff as handoff_ops
from desktop.operations.handoff import Inbox
from desktop.operations.runner import Operations
from desktop.operations.summary import SummaryOf
from desktop.widgets.error_label import error_label
from desktop.widgets.rich_text import fill, plain_label
from models.core.changes import Changes
from models.core.enums import HandoffStatus
from models.handoff.inbox import HandoffRow
from models.handoff.respond import Answer
from models.teams import permissions
from models.teams.permissions import Action
from models.teams.users import UserInfo


class HandoffsView(QWidget):
    loaded = Signal(int)

    def __init__(self, ops: Operations, user: UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._ops = ops
        self._user = user
        self._mine = answers_own_handoffs(user)
        self._supervisor = permissions.supervises(user.role)
        self._rows: list[HandoffRow] = []
        self.setObjectName("handoffsView")
        self.setWindowTitle(self.tr("Handoffs — Baton"))

        self.heading = plain_label(
            self.tr("Handoffs to you") if self._mine else self.tr("Every handoff to field sales")
        )
        self.heading.setStyleSheet("font-size: 13pt; font-weight: 600")
        self.overdue_label = plain_label()
        self.overdue_label.setObjectName("overdueCount")
        self.overdue_label.setStyleSheet("color: #b00020; font-weight: 600")
        self.overdue_only = QCheckBox(self.tr("Overdue only"))
        self.overdue_only.setObjectName("overdueOnly")
        self.overdue_only.toggled.connect(self._fill)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.overdue_label)
        top.addWidget(self.overdue_only)

        self.model = HandoffModel(self)
        self.table = QTableView()
        self.table.setObjectName("handoffTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_STATUS, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnHidden(COL_FIELD_REP, self._mine)
        self.table.selectionModel().selectionChanged.connect(self.on_selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.on_accept_clicked())

        self.detail = plain_label()
        self.detail.setObjectName("handoffDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setStyleSheet("background: #f6f6f2; padding: 6px; border-radius: 3px")
        self.error = error_label("handoffError")
        self.accept_button = QPushButton(self.tr("Accept"))
        self.accept_button.setObjectName("acceptHandoff")
        self.accept_button.clicked.connect(self.on_accept_clicked)
        self.reject_button = QPushButton(self.tr("Reject…"))
        self.reject_button.setObjectName("rejectHandoff")
        self.reject_button.clicked.connect(self.on_reject_clicked)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.load)
        self.summary = SummaryActions(ops, self._summary_of, self, self._summary_name)
        self.summary.message.connect(self.on_summary_message)
        self.summary.refused.connect(self._on_refused)
        self.summary_button = QPushButton(self.tr("Summary"))
        self.summary_button.setObjectName("handoffSummary")
        self.summary_button.setMenu(self.summary.menu)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setObjectName("exportHandoffs")
        self.export_button.setToolTip(
            self.tr("The handoffs of a period as a CSV for Excel, or their summaries as files")
        )
        self.export_button.clicked.connect(self.on_export_clicked)
        self.message = plain_label()
        self.message.setObjectName("handoffMessage")
        buttons = QHBoxLayout()
        buttons.addWidget(refresh)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.summary_button)
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.reject_button)
        buttons.addWidget(self.accept_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        #: The last reject dialog opened; the export dialog, once opened.
        self.reject_dialog: RejectDialog | None = None
        self.export_dialog: ExportDialog | None = None
        # Wide enough for the status ("Overdue: no answer yet") on a laptop screen.
        screen = self.screen().availableGeometry()
        self.resize(min(1180, screen.width() - 80), min(560, screen.height() - 80))
        ops.changed.connect(self.on_changes)
        self.on_selection_changed()
        self.load()

    # -- Loading ----------------------------------------------------------------------
    def load(self) -> None:
        field_rep = self._user.id if self._mine else None
        op = handoff_ops.incoming(self._ops, field_rep, datetime.now(UTC), self)
        op.success(self._on_loaded).run()

    def on_changes(self, changes: Changes) -> None:
        if changes.handoffs:
            self.load()

    def _on_loaded(self, inbox: Inbox) -> None:
        self._rows = inbox.rows
        self.overdue_label.setText(
            self.tr("%n overdue", "", inbox.overdue) if inbox.overdue else ""
        )
        self._fill()
        self.loaded.emit(len(inbox.rows))

    def _fill(self) -> None:
        keep = self.current()
        now = datetime.now(UTC)
        rows = self._rows
        if self.overdue_only.isChecked():
            rows = [row for row in rows if row.overdue(now)]
        self.model.set_rows(rows, now)
        row = self.model.row_of(keep.id) if keep is not None else None
        if row is None and rows:
            row = 0
        if row is not None:
            self.table.selectRow(row)
        self.on_selection_changed()

    def worker_idle(self) -> bool:
        return self._ops.worker.idle()

    def current(self) -> HandoffRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_handoff(self, handoff_id: int) -> bool:
        row = self.model.row_of(handoff_id)
        if row is not None:
            self.table.selectRow(row)
        return row is not None

    # -- The selected handoff -------------------------------------------------------------
    def on_selection_changed(
        self, _selected: QItemSelection | None = None, _deselected: QItemSelection | None = None
    ) -> None:
        row = self.current()
        reason = self._why_not(row)
        for button in (self.accept_button, self.reject_button):
            button.setEnabled(row is not None and reason is None)
            button.setToolTip(reason or "")
        self.detail.setText(self._detail_text(row) if row is not None else "")
        self.detail.setVisible(row is not None)
        self.summary_button.setEnabled(row is not None)

    def _why_not(self, row: HandoffRow | None) -> str | None:
        if row is None:
            return self.tr("Select a handoff.")
        if row.status != HandoffStatus.PENDING:
            return self.tr("This handoff was answered already.")
        if row.field_rep_id != self._user.id and not self._supervisor:
            return self.tr("Only the field rep it went to (or a team lead) answers a handoff.")
        return None

    def _detail_text(self, row: HandoffRow) -> str:
        lines = [
            fill(
                self.tr("%1 (%2) — promoted %3 by %4, definition version %5"),
                row.lead_name,
                row.company,
                formats.datetime_text(row.created_at),
                row.promoted_by or "-",
                row.definition_version if row.definition_version is not None else "-",
            )
        ]
        if row.overridden:
            lines.append(self.tr("Handed off by a team lead without meeting every criterion."))
        if row.note:
            lines.append(fill(self.tr("Note from the rep: %1"), row.note))
        if row.status == HandoffStatus.REJECTED:
            lines.append(
                fill(
                    self.tr("Rejected: %1 — %2"),
                    handoff_labels.rejection_reason(row.response_code),
                    row.response_reason or "",
                )
            )
        return "\n".join(lines)

    # -- Answering ----------------------------------------------------------------------
    def on_accept_clicked(self) -> None:
        row = self.current()
        if row is None or self._why_not(row) is not None:
            return
        self.error.hide()
        given = Answer(handoff_id=row.id, accept=True, seen_version=row.version)
        op = handoff_ops.answer(self._ops, self._user.id, given, datetime.now(UTC), self)
        op.refused(self._on_refused).run()

    def on_reject_clicked(self) -> None:
        row = self.current()
        if row is None or self._why_not(row) is not None:
            return
        self.error.hide()
        if self.reject_dialog is not None:
            self.reject_dialog.deleteLater()  # the last one, closed
        dialog = RejectDialog(self._ops, self._user.id, row, self)
        self.reject_dialog = dialog
        dialog.open()

    def _on_refused(self, text: str, _exc: BaseException | None = None) -> None:
        self.error.setText(text)
        self.error.show()
        self.load()

    # -- Summaries and export -------------------------------------------------------------
    def _summary_of(self) -> SummaryOf | None:
        row = self.current()
        return SummaryOf(handoff_id=row.id) if row is not None else None

    def _summary_name(self) -> str:
        row = self.current()
        return f"{row.id:06d}_{row.company}_{row.lead_name}" if row is not None else ""

    def on_summary_message(self, text: str) -> None:
        self.error.hide()
        self.message.setText(text)

    def on_export_clicked(self) -> None:
        if self.export_dialog is None:
            self.export_dialog = ExportDialog(self._ops, self)
            self.export_dialog.finished_export.connect(self.message.setText)
        self.export_dialog.show()
        self.export_dialog.activateWindow()


def answers_own_handoffs(user: UserInfo) -> bool:
    """A field rep: answers the handoffs addressed to them (and only those); a team lead
    answers for the team's field reps (:func:`permissions.supervises`)."""
    answers = permissions.allowed(user.role, Action.ANSWER_HANDOFF)
    return answers and not permissions.supervises(user.role)


def open_handoffs(ops: Operations, user: UserInfo, parent: QWidget) -> HandoffsView:
    """Show the handoffs over ``parent`` (the one window, brought back if already open)."""
    found = parent.findChildren(HandoffsView)
    view = found[0] if found else HandoffsView(ops, user, parent)
    view.setWindowState(view.windowState() & ~Qt.WindowState.WindowMinimized)
    view.show()
    view.activateWindow()
    return view


def first_for_field_reps(ops: Operations, user: UserInfo, parent: QWidget) -> None:
    """A field rep's work is the handoffs: they open over the main window at start."""
    if answers_own_handoffs(user):
        QTimer.singleShot(0, parent, lambda: open_handoffs(ops, user, parent))


def open_overdue(ops: Operations, user: UserInfo, parent: QWidget) -> HandoffsView:
    """The handoffs with only the overdue ones shown (the status bar's count opens it)."""
    view = open_handoffs(ops, user, parent)
    view.overdue_only.setChecked(True)
    return view
