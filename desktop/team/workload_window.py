"""Team → Workload…: per member of a team, open leads, callbacks overdue and later today,
speed-to-lead missed, calls today, connect rate this week, free capacity; inactive and
away members marked. A window of its own, refreshed when leads or users change (changes
arriving together reload it once).

Distribute shows the plan for the unassigned new leads first (:class:`PlanDialog`), then
applies it; Rebalance… does the same for leads untouched for the days chosen. Both are
for those who may reassign (:data:`models.teams.permissions.ALLOWED`); the buttons say
why when they are not. Teams other than one's own are offered only to roles that see
every team.

Signals: ``loaded(int members)`` each time the figures are (re)loaded.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import formats
from desktop.operations import assignment as assignment_ops
from desktop.operations.assignment import Teams
from desktop.operations.runner import Operations
from desktop.team.plan_dialog import PlanDialog
from desktop.team.workload_model import WorkloadModel
from desktop.widgets.rich_text import fill, plain_label
from desktop.widgets.two_line_titles import fit_columns, wrap_titles
from models.core.changes import Changes
from models.leads.distribution import Distributed
from models.leads.workload import Workload
from models.teams.permissions import ALL_TEAMS, Action, allowed
from models.teams.users import UserInfo

DEFAULT_UNTOUCHED_DAYS = 14
#: Changes arriving together (a busy team logging calls) reload the figures once.
RELOAD_DELAY_MS = 400


class WorkloadWindow(QWidget):
    loaded = Signal(int)

    def __init__(self, ops: Operations, user: UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._ops = ops
        self._user = user
        self.may_assign = allowed(user.role, Action.REASSIGN)
        self.team_id: int | None = None
        self.setObjectName("workloadWindow")
        self.setWindowTitle(self.tr("Workload — Baton"))

        self.team = QComboBox()
        self.team.setObjectName("workloadTeam")
        self.team.setEnabled(user.role in ALL_TEAMS)
        # The teams arrive after the window is shown: as wide as their names then.
        self.team.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.team.activated.connect(self.on_team_activated)
        self.heading = plain_label()
        self.heading.setObjectName("workloadHeading")
        self.heading.setStyleSheet("font-size: 13pt; font-weight: 600")
        top = QHBoxLayout()
        top.addWidget(self.team)
        top.addWidget(self.heading, 1)

        self.model = WorkloadModel(self)
        self.table = QTableView()
        self.table.setObjectName("workloadTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        # Two-line titles: ten columns of figures fit a 1366-pixel screen.
        wrap_titles(self.table)

        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.load)
        self.distribute_button = QPushButton(self.tr("Distribute…"))
        self.distribute_button.setObjectName("distribute")
        self.distribute_button.clicked.connect(self.on_distribute_clicked)
        self.days = QSpinBox()
        self.days.setObjectName("untouchedDays")
        self.days.setRange(1, 365)
        self.days.setValue(DEFAULT_UNTOUCHED_DAYS)
        self.days.setSuffix(self.tr(" days untouched"))
        self.rebalance_button = QPushButton(self.tr("Rebalance…"))
        self.rebalance_button.setObjectName("rebalance")
        self.rebalance_button.clicked.connect(self.on_rebalance_clicked)
        self.message = plain_label()
        self.message.setObjectName("workloadMessage")
        for button in (self.distribute_button, self.rebalance_button):
            button.setEnabled(self.may_assign)
            if not self.may_assign:
                button.setToolTip(self.tr("Only team leads and administrators assign leads."))
        buttons = QHBoxLayout()
        buttons.addWidget(refresh)
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.distribute_button)
        buttons.addWidget(self.days)
        buttons.addWidget(self.rebalance_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        #: The plan dialog last opened.
        self.plan_dialog: PlanDialog | None = None
        screen = self.screen().availableGeometry()
        self.resize(min(1180, screen.width() - 80), min(480, screen.height() - 80))
        self._reload = QTimer(self)
        self._reload.setSingleShot(True)
        self._reload.setInterval(RELOAD_DELAY_MS)
        self._reload.timeout.connect(self.load)
        ops.changed.connect(self.on_changes)
        assignment_ops.teams(ops, user.id, self).success(self._on_teams).run()

    # -- Loading ----------------------------------------------------------------------
    def _on_teams(self, teams: Teams) -> None:
        self.team.clear()
        for team in teams.teams:
            if self.team.isEnabled() or team.id == teams.own:
                self.team.addItem(team.name, team.id)
        self.team.setCurrentIndex(max(self.team.findData(teams.own), 0))
        self.team_id = teams.own
        self.load()

    def on_team_activated(self, index: int) -> None:
        self.team_id = int(self.team.itemData(index))
        self.load()

    def load(self) -> None:
        if self.team_id is None:
            return
        op = assignment_ops.team_workload(
            self._ops, self._user.id, self.team_id, datetime.now(UTC), self
        )
        op.success(self._on_loaded).run()

    def on_changes(self, changes: Changes) -> None:
        if changes.queue or changes.lead_ids or changes.users or changes.team:
            self._reload.start()

    def _on_loaded(self, load: Workload) -> None:
        self.model.set_rows(list(load.members))
        fit_columns(self.table)
        self.heading.setText(
            fill(
                self.tr("%1 — unassigned new leads: %2"),
                formats.date_text(load.today),
                load.unassigned_new,
            )
        )
        self.loaded.emit(len(load.members))

    def worker_idle(self) -> bool:
        return self._ops.worker.idle()

    # -- Distributing -----------------------------------------------------------------
    def on_distribute_clicked(self) -> None:
        self._open_plan(None)

    def on_rebalance_clicked(self) -> None:
        self._open_plan(self.days.value())

    def _open_plan(self, untouched_days: int | None) -> None:
        if not self.may_assign or self.team_id is None:
            return
        if self.plan_dialog is not None:
            self.plan_dialog.deleteLater()  # the last one, closed
        dialog = PlanDialog(self._ops, self._user, self.team_id, untouched_days, self)
        dialog.applied.connect(self.on_plan_applied)
        self.plan_dialog = dialog
        dialog.open()

    def on_plan_applied(self, result: Distributed) -> None:
        self.message.setText(
            fill(
                self.tr("Leads assigned: %1; not placed: %2"),
                len(result.plan.placements),
                len(result.plan.unplaced),
            )
        )


def open_workload(ops: Operations, user: UserInfo, parent: QWidget) -> WorkloadWindow:
    """Show the workload window over ``parent`` (the one window, raised if already open)."""
    for existing in parent.findChildren(WorkloadWindow):
        if existing.isVisible():
            existing.raise_()
            existing.activateWindow()
            return existing
    window = WorkloadWindow(ops, user, parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    return window


def bind_workload(action: QAction, ops: Operations, user: UserInfo, parent: QWidget) -> None:
    """Team → Workload…: enabled for the roles that read the team's figures."""
    may = allowed(user.role, Action.READ_REPORTS)
    action.setEnabled(may)
    if not may:
        action.setToolTip(
            QCoreApplication.translate(
                "WorkloadWindow", "Team leads, marketing and administrators see the workload."
            )
        )
    action.triggered.connect(lambda: open_workload(ops, user, parent))
