"""The main window: creates the views and connects their signals. Nothing else.

No SQL, no use cases, no message boxes here: actions run through
``desktop.operations``, failures go to the one failure policy, and each view subscribes
to the :class:`~models.core.changes.Changes` it cares about.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QSplitter, QVBoxLayout, QWidget

from desktop.dashboards.menu import bind_dashboard
from desktop.definition.opening import open_definitions
from desktop.dialogs.call_dialog import CallDialog
from desktop.dialogs.team_rules_dialog import open_team_rules
from desktop.handoff.inbox_view import first_for_field_reps, open_handoffs, open_overdue
from desktop.imports.menu import bind_imports
from desktop.lead.actions import LeadActions
from desktop.lead.pane import LeadPane
from desktop.lead.promotion import Promotion
from desktop.lead.reassigning import Reassigning
from desktop.lead.summary_menu import LeadSummary
from desktop.main.due_button import DueButton
from desktop.main.follow_up_timers import FollowUpTimers
from desktop.main.layout import WindowLayout
from desktop.main.live import attach_live
from desktop.main.menus import build_menus
from desktop.main.notifier import Notifier
from desktop.main.overdue_handoffs import OverdueHandoffs
from desktop.main.settings import Settings
from desktop.main.status_bar import StatusBar
from desktop.operations import rescore as rescore_ops
from desktop.operations.policy import FailurePolicy
from desktop.operations.runner import Operations
from desktop.operations.worker import DbWorker
from desktop.queue.filter_bar import FilterBar
from desktop.queue.model import QueueModel
from desktop.queue.view import QueueView
from desktop.team.workload_window import bind_workload
from desktop.widgets.banner import Banner
from desktop.widgets.rich_text import fill
from models.leads.availability import LeadAction
from models.leads.queue import QueueQuery
from models.teams.users import UserInfo


class MainWindow(QMainWindow):
    def __init__(
        self, worker: DbWorker, user: UserInfo, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.user = user
        self.settings = settings
        self.setWindowTitle(fill(self.tr("Baton — %1"), user.display_name))

        self.policy = FailurePolicy(self)
        self.ops = Operations(worker, self.policy, self)
        self.banner = Banner()
        self.filters = FilterBar(self.ops, user)
        self.model = QueueModel(self.ops, self)
        self.table = QueueView(self.model)
        self.lead_pane = LeadPane(self.ops, user.id)
        self.lead_actions = LeadActions(self.ops, user.id, self.lead_pane, self)
        self.promotion = Promotion(self.ops, user.id, self.lead_pane, self)
        self.lead_summary = LeadSummary(self.ops, self.lead_pane, self)
        self.status = StatusBar(user, worker.db.display_url)
        self.setStatusBar(self.status)
        self.count_label = self.status.count_label
        self.overdue_label = self.status.overdue_label
        self.overdue_handoffs = OverdueHandoffs(self.ops, user)
        self.status.insertPermanentWidget(1, self.overdue_handoffs)
        self.notifier = Notifier(self)
        self.due_button = DueButton(self)
        self.follow_ups = FollowUpTimers(self.ops, user.id, self.model, self)
        self._lay_out()

        actions = build_menus(self)
        self.menuBar().setCornerWidget(self.due_button, Qt.Corner.TopRightCorner)
        actions.rescore.triggered.connect(self.on_rescore_triggered)
        self.follow_ups.definition_took_effect.connect(self.on_rescore_triggered)
        actions.quit.triggered.connect(self.close)
        actions.log_call.triggered.connect(self.lead_actions.on_log_call_triggered)
        actions.recycle.triggered.connect(self.lead_actions.on_recycle_requested)
        actions.disqualify.triggered.connect(self.lead_actions.on_disqualify_requested)
        actions.next_lead.triggered.connect(self.table.next_lead)
        actions.find.triggered.connect(self.filters.focus_search)
        actions.refresh.triggered.connect(self.model.reload)
        actions.team_rules.triggered.connect(lambda: open_team_rules(self.ops, self.user, self))
        actions.handoffs.triggered.connect(lambda: open_handoffs(self.ops, self.user, self))
        actions.definition.triggered.connect(lambda: open_definitions(self.ops, self.user, self))
        self.promotion.bind_menu(actions.promote)
        self.reassigning = Reassigning(self.ops, user, self.table, actions.reassign, self)
        bind_workload(actions.workload, self.ops, user, self)
        bind_dashboard(actions.kpi, self.ops, user, self, self.lead_pane.show_lead)
        bind_imports(actions.import_leads, actions.import_touches, self.ops, user, self)
        self.menu_actions = actions
        self.lead_actions.bind_menu(
            {
                LeadAction.CALL: actions.log_call,
                LeadAction.RECYCLE: actions.recycle,
                LeadAction.DISQUALIFY: actions.disqualify,
            }
        )

        self.policy.banner_changed.connect(self.banner.show_text)
        self.filters.changed.connect(self.on_filters_changed)
        self.model.loaded.connect(self.status.show_count)
        self.model.load_failed.connect(self.status.show_load_failed)
        self.table.lead_changed.connect(self.lead_pane.show_lead)
        self.table.opened.connect(self.lead_pane.focus_timeline)
        self.lead_pane.leave.connect(self.table.setFocus)
        self.lead_pane.dialed.connect(self.lead_actions.on_dialed)
        work = self.lead_pane.work
        work.call_requested.connect(self.lead_actions.on_log_call_triggered)
        work.recycle_requested.connect(self.lead_actions.on_recycle_requested)
        work.disqualify_requested.connect(self.lead_actions.on_disqualify_requested)
        work.do_not_call_requested.connect(self.lead_actions.on_do_not_call_requested)
        work.phone_requested.connect(self.lead_actions.on_phone_requested)
        self.lead_pane.correct_requested.connect(self.lead_actions.on_correct_requested)
        self.lead_actions.worked.connect(self.table.select_after_reload)
        self.promotion.worked.connect(self.table.select_after_reload)
        self.promotion.message.connect(lambda text: self.status.showMessage(text, 4000))
        self.lead_summary.message.connect(lambda text: self.status.showMessage(text, 6000))
        self.lead_actions.message.connect(lambda text: self.status.showMessage(text, 4000))
        self.reassigning.message.connect(lambda text: self.status.showMessage(text, 4000))
        self.follow_ups.due.connect(lambda due: self.status.show_due(len(due)))
        self.follow_ups.due.connect(lambda due: self.due_button.show_count(len(due)))
        self.due_button.open_requested.connect(self.filters.show_due)
        self.follow_ups.due.connect(self.notifier.on_due)
        self.follow_ups.tick_timer.timeout.connect(self.overdue_handoffs.refresh)
        self.overdue_handoffs.open_requested.connect(
            lambda: open_overdue(self.ops, self.user, self)
        )

        self.layout_memory.restore()
        self.model.set_query(self.filters.query(QueueQuery()))
        self.follow_ups.start()
        self.live = attach_live(self.ops, self.model, self.lead_pane, self)  # team mode
        self.table.setFocus()  # the keyboard starts in the queue, on its top row
        first_for_field_reps(self.ops, self.user, self)

    def _lay_out(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(self.table)
        splitter.addWidget(self.lead_pane)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([880, 600])
        self.layout_memory = WindowLayout(
            self.settings,
            self.user.id,
            self,
            splitter,
            self.table.horizontalHeader(),
        )
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.filters)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

    @property
    def call_dialog(self) -> CallDialog | None:
        return self.lead_actions.call_dialog

    # -- Slots ------------------------------------------------------------------------
    def on_filters_changed(self) -> None:
        self.model.set_query(self.filters.query(self.model.query))

    def on_rescore_triggered(self) -> None:
        if self.status.busy():
            return
        task = rescore_ops.rescore_all(self.ops, datetime.now(UTC))
        self.menu_actions.rescore.setEnabled(False)
        task.signals.finished.connect(lambda _r: self.menu_actions.rescore.setEnabled(True))
        task.signals.failed.connect(lambda _e: self.menu_actions.rescore.setEnabled(True))
        self.status.track(task, self.tr("Rescoring…"))
        task.start()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.lead_actions.confirm_close():
            event.ignore()
            return
        self.layout_memory.save()
        if self.live is not None:
            self.live.stop()
        super().closeEvent(event)
