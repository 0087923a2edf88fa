"""The main window: wires the filter bar, the queue, the lead pane and the status bar.

It holds no domain logic: actions call into ``models`` through the worker, and each
view decides from the broadcast :class:`~models.core.changes.Changes` what to refresh.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.dialogs.call_dialog import CallDialog, CallTarget, target_for
from desktop.dialogs.reason_dialog import DISQUALIFY, RECYCLE, ReasonDialog
from desktop.i18n import labels
from desktop.i18n import messages as errors
from desktop.lead.pane import LeadPane
from desktop.lead.work_panel import CALL_SHORTCUT
from desktop.main.notifier import Notifier
from desktop.main.settings import Settings
from desktop.operations.worker import DbWorker, Task
from desktop.queue.filter_bar import FilterBar
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
from models.core.changes import Changes
from models.db.database import Database
from models.leads import actions as lead_actions
from models.leads import follow_ups
from models.leads.calls import CallItem
from models.leads.queue import QueueQuery, filter_options
from models.scoring import rescore
from models.teams.users import UserInfo

ROW_HEIGHT = 26
NEXT_LEAD_SHORTCUT = "Ctrl+J"
TICK_MS = 60_000  # expire boosts, record SLA breaches, announce due callbacks
CLOCK_MS = 15_000  # repaint the speed-to-lead clocks
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


class MainWindow(QMainWindow):
    def __init__(
        self, worker: DbWorker, user: UserInfo, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.user = user
        self.settings = settings
        self._pending_select: int | None = None
        self._task: Task | None = None
        self.setWindowTitle(self.tr("Baton — %1").replace("%1", user.display_name))

        self.filters = FilterBar(user.id)
        self.model = QueueModel(worker, self)
        self.table = QTableView()
        self.table.setObjectName("queue")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        vertical = self.table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(ROW_HEIGHT)
        vertical.hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)

        self.lead_pane = LeadPane(worker)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.lead_pane)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([880, 600])

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filters)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

        self.count_label = QLabel()
        self.count_label.setObjectName("queueCount")
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(240)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.on_cancel_clicked)
        self.overdue_label = QLabel()
        self.overdue_label.setObjectName("overdueCount")
        status = self.statusBar()
        status.addWidget(self.count_label, 1)
        status.addPermanentWidget(self.overdue_label)
        status.addPermanentWidget(self.progress)
        status.addPermanentWidget(self.cancel_button)
        status.addPermanentWidget(
            QLabel(f"{user.display_name} ({labels.role(user.role)}) · {worker.db.display_url}")
        )

        self._build_actions()

        self.filters.changed.connect(self.on_filters_changed)
        self.model.loaded.connect(self.on_queue_loaded)
        self.model.modelReset.connect(self._restore_selection)
        self.table.selectionModel().currentRowChanged.connect(self.on_queue_current_changed)
        self.table.activated.connect(self.on_queue_activated)
        worker.changed.connect(self.on_worker_changed)
        worker.error.connect(self.on_worker_error)

        self.notifier = Notifier(self)
        self.call_dialog: CallDialog | None = None
        self._select_after_reload: tuple[str, int] | None = None
        self.lead_pane.work.call_requested.connect(self.on_log_call_triggered)
        self.lead_pane.work.recycle_requested.connect(self.on_recycle_requested)
        self.lead_pane.work.disqualify_requested.connect(self.on_disqualify_requested)
        self.lead_pane.work.do_not_call_requested.connect(self.on_do_not_call_requested)
        self.lead_pane.correct_requested.connect(self.on_correct_requested)

        self.tick_timer = QTimer(self)
        self.tick_timer.setInterval(TICK_MS)
        self.tick_timer.timeout.connect(self.on_tick_timer_timeout)
        self.tick_timer.start()
        self.clock_timer = QTimer(self)
        self.clock_timer.setInterval(CLOCK_MS)
        self.clock_timer.timeout.connect(lambda: self.model.tick(datetime.now(UTC)))
        self.clock_timer.start()

        self._restore_layout()
        self.model.set_query(self.filters.query(QueueQuery()))
        worker.read(filter_options, self.filters.set_options)
        self._refresh_follow_ups(prime=True)

    # -- Set-up -----------------------------------------------------------------------
    def _build_actions(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        self.rescore_action = QAction(self.tr("&Rescore all leads"), self)
        self.rescore_action.triggered.connect(self.on_rescore_triggered)
        file_menu.addAction(self.rescore_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        lead_menu = menu.addMenu(self.tr("&Lead"))
        self.call_action = QAction(self.tr("&Log call…"), self)
        self.call_action.setShortcut(QKeySequence(CALL_SHORTCUT))
        self.call_action.triggered.connect(self.on_log_call_triggered)
        lead_menu.addAction(self.call_action)
        recycle_action = QAction(self.tr("&Return to nurture…"), self)
        recycle_action.triggered.connect(self.on_recycle_requested)
        lead_menu.addAction(recycle_action)
        disqualify_action = QAction(self.tr("&Disqualify…"), self)
        disqualify_action.triggered.connect(self.on_disqualify_requested)
        lead_menu.addAction(disqualify_action)
        self.addAction(self.call_action)

        go_menu = menu.addMenu(self.tr("&Go"))
        self.next_action = QAction(self.tr("&Next lead (top of the queue)"), self)
        self.next_action.setShortcut(QKeySequence(NEXT_LEAD_SHORTCUT))
        self.next_action.triggered.connect(self.on_next_lead_triggered)
        go_menu.addAction(self.next_action)
        find_action = QAction(self.tr("&Find lead"), self)
        find_action.setShortcut(QKeySequence.StandardKey.Find)
        find_action.triggered.connect(self.filters.focus_search)
        go_menu.addAction(find_action)
        refresh_action = QAction(self.tr("&Refresh"), self)
        refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh_action.triggered.connect(self.model.reload)
        go_menu.addAction(refresh_action)
        for action in (self.next_action, find_action, refresh_action, quit_action):
            self.addAction(action)

    def _restore_layout(self) -> None:
        if self.settings.window_geometry is not None:
            self.restoreGeometry(self.settings.window_geometry)
        else:
            self.resize(1400, 860)
        if self.settings.queue_header is not None:
            self.table.horizontalHeader().restoreState(self.settings.queue_header)

    # -- Slots ------------------------------------------------------------------------
    def on_filters_changed(self) -> None:
        self._pending_select = self.lead_pane.current_lead_id()
        self.model.set_query(self.filters.query(self.model.query))

    def on_queue_loaded(self, count: int) -> None:
        self.count_label.setText(self.tr("%n lead(s) in this view", "", count))

    def _restore_selection(self) -> None:
        if self.model.rowCount() == 0:
            self.lead_pane.show_lead(None)
            return
        row = None
        after, self._select_after_reload = self._select_after_reload, None
        if after is not None and after[0] == "next":
            # The next lead: the top of the queue, unless that is the one just worked.
            row = 0 if self.model.lead_id(0) != after[1] else min(1, self.model.rowCount() - 1)
        elif after is not None:
            row = self.model.row_of(after[1])
        elif self._pending_select is not None:
            row = self.model.row_of(self._pending_select)
        self._pending_select = None
        self.select_row(row if row is not None else 0)
        if after is not None and after[0] == "next":
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def on_queue_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.lead_pane.show_lead(self.model.lead_id(current.row()) if current.isValid() else None)

    def on_queue_activated(self, _index: QModelIndex) -> None:
        """Enter on a lead opens it: focus moves to the lead's detail."""
        self.lead_pane.timeline.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_next_lead_triggered(self) -> None:
        if self.model.rowCount():
            self.select_row(0)
            self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def on_worker_changed(self, changes: Changes) -> None:
        if changes.queue or changes.definition:
            self._pending_select = self.lead_pane.current_lead_id()
            self.model.reload()
        elif changes.lead_ids:
            self.model.refresh_leads(changes.lead_ids)
        current = self.lead_pane.current_lead_id()
        if current is not None and (current in changes.lead_ids or changes.definition):
            self.lead_pane.reload()
        if changes.users:
            self.worker.read(filter_options, self.filters.set_options)

    def on_tick_timer_timeout(self) -> None:
        """Boosts that ran out move the queue; breaches are recorded; due callbacks pop up."""
        now = datetime.now(UTC)
        self.worker.write(lambda session: follow_ups.tick(session, now))
        self._refresh_follow_ups()

    def _refresh_follow_ups(self, *, prime: bool = False) -> None:
        now = datetime.now(UTC)
        user_id = self.user.id

        def job(session: Session) -> list[follow_ups.DueCallback]:
            return follow_ups.due_callbacks(session, now, owner_id=user_id)

        def done(due: list[follow_ups.DueCallback]) -> None:
            self.overdue_label.setText(self.tr("%n callback(s) due", "", len(due)))
            if prime:
                self.notifier.prime(due)
            else:
                self.notifier.callbacks_due(due)

        self.worker.read(job, done)

    # -- Working a lead ---------------------------------------------------------------
    def on_log_call_triggered(self) -> None:
        detail = self.lead_pane.detail
        if detail is None or not self.lead_pane.work.call_button.isEnabled():
            return
        self._open_call_dialog(target_for(detail))

    def on_correct_requested(self, call: CallItem) -> None:
        if self.lead_pane.detail is not None:
            self._open_call_dialog(target_for(self.lead_pane.detail, call))

    def _open_call_dialog(self, target: CallTarget) -> None:
        if self.call_dialog is not None and self.call_dialog.isVisible():
            self.call_dialog.raise_()
            self.call_dialog.activateWindow()
            return
        dialog = CallDialog(self.worker, self.user.id, target, self)
        dialog.saved.connect(self.on_call_saved)
        dialog.finished.connect(lambda _code: setattr(self, "call_dialog", None))
        self.call_dialog = dialog
        dialog.open()
        dialog.outcomes.button(0).setFocus()

    def on_call_saved(self, lead_id: int, go_next: bool) -> None:
        self._select_after_reload = ("next" if go_next else "same", lead_id)
        self.statusBar().showMessage(self.tr("Call saved."), 4000)

    def on_recycle_requested(self) -> None:
        self._open_reason_dialog(RECYCLE)

    def on_disqualify_requested(self) -> None:
        self._open_reason_dialog(DISQUALIFY)

    def _open_reason_dialog(self, mode: str) -> None:
        detail = self.lead_pane.detail
        if detail is None:
            return
        dialog = ReasonDialog(self.worker, self.user.id, detail.id, detail.name, mode, self)
        dialog.done.connect(
            lambda lead_id: setattr(self, "_select_after_reload", ("next", lead_id))
        )
        dialog.open()

    def on_do_not_call_requested(self) -> None:
        detail = self.lead_pane.detail
        if detail is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Do not call"),
            self.tr(
                "Mark %1 as do-not-call? Calls are switched off and the lead never "
                "returns to any queue."
            ).replace("%1", detail.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        user_id, lead_id, now = self.user.id, detail.id, datetime.now(UTC)
        self._select_after_reload = ("next", lead_id)
        self.worker.write(
            lambda session: lead_actions.mark_do_not_call(session, user_id, lead_id, "", now),
            on_error=self.on_worker_error,
        )

    def on_worker_error(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Baton"), errors.message(exc))

    def on_rescore_triggered(self) -> None:
        db: Database = self.worker.db
        now = datetime.now(UTC)
        task = Task(
            lambda progress, cancelled: rescore.rescore_all(
                db, now, progress=progress, cancelled=cancelled
            )
        )
        self._run_task(task, self.tr("Rescoring…"))

    def _run_task(self, task: Task, message: str) -> None:
        self._task = task
        self.rescore_action.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.statusBar().showMessage(message)
        task.signals.progress.connect(self.on_task_progress)
        task.signals.finished.connect(self.on_task_finished)
        task.signals.failed.connect(self.on_task_failed)
        task.start()

    def on_task_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def on_task_finished(self, _result: object) -> None:
        self._end_task()
        self.statusBar().showMessage(self.tr("Done."), 5000)
        self.on_worker_changed(Changes(queue=True))

    def on_task_failed(self, exc: BaseException) -> None:
        self._end_task()
        QMessageBox.warning(self, self.tr("Baton"), errors.message(exc))

    def on_cancel_clicked(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _end_task(self) -> None:
        self._task = None
        self.progress.hide()
        self.cancel_button.hide()
        self.rescore_action.setEnabled(True)
        self.statusBar().clearMessage()

    def closeEvent(self, event: QCloseEvent) -> None:
        dialog = self.call_dialog
        if dialog is not None and dialog.isVisible() and (dialog.is_dirty() or dialog.saving):
            if not dialog.confirm_discard():
                event.ignore()
                return
            dialog.done(0)
        self.settings.window_geometry = self.saveGeometry()
        self.settings.queue_header = self.table.horizontalHeader().saveState()
        super().closeEvent(event)
