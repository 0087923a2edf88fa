"""Team → KPI dashboard…: the shared KPIs for team leads, marketing and administrators, each
number with its definition written beside it. Filters on top; the "Shared KPIs" tab holds
the funnel (click a bar: the leads behind it), 初回接点後の商談化率 and the days to handoff,
activity per rep and per day, speed to lead, why leads went back, and the response rate
per industry; the "Campaigns & content" tab what happened to what marketing sent.

Every figure is read in one op on the app's worker (:mod:`desktop.dashboards.loading`)
while a busy bar runs; a change of the filters re-queries once they rest
(:data:`RELOAD_DELAY_MS`), an answer to an older question is dropped. The campaign report
is read when its tab is shown. Each view exports its CSV and PNG.

Signals: ``loaded(Dashboard)`` once the figures are shown; ``campaigns_loaded(
CampaignReport)`` likewise; ``lead_requested(int)`` when a lead of a bar's list is opened.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.dashboards import loading, texts
from desktop.dashboards.activity_section import ActivitySection
from desktop.dashboards.campaigns_section import CampaignsSection
from desktop.dashboards.choice import KpiChoice
from desktop.dashboards.distribution_sections import ConversionSection, SpeedSection
from desktop.dashboards.export import Exporter
from desktop.dashboards.filter_bar import KpiFilterBar
from desktop.dashboards.funnel_section import FunnelSection
from desktop.dashboards.leads_dialog import LeadsBehindDialog
from desktop.dashboards.section import Section
from desktop.dashboards.trend_sections import IndustrySection, ReasonsSection
from desktop.operations.runner import Operations
from desktop.operations.worker import Task
from desktop.widgets.error_label import error_label
from desktop.widgets.rich_text import fill, plain_label
from models.reporting import CampaignReport, Dashboard
from models.reporting.options import Choices
from models.teams.users import UserInfo

#: Filters changed one after the other (a few clicks) re-query once.
RELOAD_DELAY_MS = 300


def utc_now() -> datetime:
    return datetime.now(UTC)


class DashboardWindow(QWidget):
    loaded = Signal(object)
    campaigns_loaded = Signal(object)
    lead_requested = Signal(int)

    def __init__(
        self,
        ops: Operations,
        user: UserInfo,
        parent: QWidget | None = None,
        *,
        choice: KpiChoice | None = None,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._ops, self._user, self._clock = ops, user, clock
        self.setObjectName("kpiDashboard")
        self.setWindowTitle(self.tr("KPI dashboard — Baton"))
        self.filters = KpiFilterBar(user, choice or KpiChoice(), clock().astimezone().date())
        self.filters.changed.connect(self.on_filters_changed)
        self.busy = QProgressBar()
        self.busy.setObjectName("kpiBusy")
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(140)
        self.busy.setTextVisible(False)
        #: What is shown: the figures, the filters they answer, the campaign report.
        self.board: Dashboard | None = None
        self.shown_choice: KpiChoice | None = None
        self.report: CampaignReport | None = None
        self.options: Choices | None = None
        self.leads_dialog: LeadsBehindDialog | None = None
        self._generation = 0
        self._campaign_generation = 0
        self._campaigns_stale = True
        # The figures are asked for first: the worker reads them while the sections are
        # built (the answer arrives once this constructor has returned).
        self._ask()
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.load)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.load)
        top = QHBoxLayout()
        top.addWidget(self.filters, 1)
        top.addWidget(refresh, 0, Qt.AlignmentFlag.AlignTop)
        self.heading = plain_label()
        self.heading.setObjectName("kpiHeading")
        self.heading.setStyleSheet("font-size: 12pt; font-weight: 600")
        self.said = plain_label()
        self.said.setObjectName("kpiSaid")
        self.error = error_label("kpiError")
        status = QHBoxLayout()
        status.addWidget(self.heading)
        status.addWidget(self.busy)
        status.addWidget(self.said, 1)

        self.funnel = FunnelSection()
        self.conversion = ConversionSection()
        self.activity = ActivitySection()
        self.speed = SpeedSection()
        self.industries = IndustrySection()
        self.reasons = ReasonsSection()
        self.sections: list[Section] = [
            self.funnel,
            self.conversion,
            self.activity,
            self.speed,
            self.industries,
            self.reasons,
        ]
        grid = QGridLayout()
        grid.setSpacing(10)
        grid.addWidget(self.funnel, 0, 0)
        grid.addWidget(self.conversion, 0, 1)
        grid.addWidget(self.activity, 1, 0, 1, 2)
        grid.addWidget(self.speed, 2, 0)
        grid.addWidget(self.industries, 2, 1)
        grid.addWidget(self.reasons, 3, 0, 1, 2)
        for column in (0, 1):
            grid.setColumnStretch(column, 1)
        grid.setRowStretch(4, 1)  # on a tall screen the room left goes below
        board = QWidget()
        board.setObjectName("kpiBoard")
        board.setLayout(grid)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(board)
        self.campaigns = CampaignsSection()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.scroll, self.tr("Shared KPIs"))
        self.tabs.addTab(self.campaigns, self.tr("Campaigns && content"))
        self.tabs.currentChanged.connect(self.on_tab_changed)

        self.exporter = Exporter(self)
        self.exporter.said.connect(self.said.setText)
        for section in [*self.sections, self.campaigns]:
            section.exporter = self.exporter
        self.funnel.stage_clicked.connect(self.on_stage_clicked)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(status)
        layout.addWidget(self.error)
        layout.addWidget(self.tabs, 1)
        self._reload = QTimer(self)
        self._reload.setSingleShot(True)
        self._reload.setInterval(RELOAD_DELAY_MS)
        self._reload.timeout.connect(self.load)
        screen = self.screen().availableGeometry()
        self.resize(min(1400, screen.width() - 40), min(940, screen.height() - 60))
        #: The filters' lists, read once the first figures are shown.
        self.options_task: Task | None = None

    # -- Loading ------------------------------------------------------------------------
    def _ask_options(self) -> None:
        """Read what the filters offer, off the worker (a large database takes a while)."""
        task = loading.options(self._ops.db, self._user.id, self._clock())
        task.signals.finished.connect(self.on_options)
        task.signals.failed.connect(lambda exc: self._ops.policy.handle(exc, background=True))
        self.options_task = task
        task.start()

    def on_options(self, options: Choices) -> None:
        self.options = options
        self.filters.set_options(options)

    def on_filters_changed(self) -> None:
        self._campaigns_stale = True
        self._reload.start()

    def load(self) -> None:
        """Ask for every figure of the filters chosen (the campaign report too, if shown)."""
        self._reload.stop()
        self._ask()
        if self.tabs.currentWidget() is self.campaigns:
            self.load_campaigns()

    def _ask(self) -> None:
        self._generation += 1
        generation = self._generation
        choice = self.filters.choice()
        self.busy.show()
        op = loading.board(self._ops, self._user.id, choice, self._clock(), self)
        op.success(lambda board: self._on_board(generation, choice, board)).refused(
            lambda text, _exc: self._on_refused(generation, text)
        ).failed(lambda _failure: self._on_done(generation)).run()
        self._campaigns_stale = True

    def _on_done(self, generation: int) -> None:
        if generation == self._generation:
            self.busy.hide()

    def _on_refused(self, generation: int, text: str) -> None:
        if generation == self._generation:
            self.error.setText(text)
            self.error.show()

    def _on_board(self, generation: int, choice: KpiChoice, board: Dashboard) -> None:
        if generation != self._generation:
            return  # the filters changed meanwhile: a newer answer is on its way
        self.board, self.shown_choice = board, choice
        self.error.hide()
        self.busy.hide()
        period = board.filter.period
        for section in self.sections:
            section.period = f"{period.first.isoformat()}_{period.last.isoformat()}"
            section.show_board(board)
        self.heading.setText(
            fill(self.tr("%1 (%2)"), texts.period_text(period.first, period.last), board.zone)
        )
        if self.options_task is None:
            self._ask_options()
        self.loaded.emit(board)

    def on_tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.campaigns and self._campaigns_stale:
            self.load_campaigns()

    def load_campaigns(self) -> None:
        self._campaigns_stale = False
        self._campaign_generation += 1
        generation = self._campaign_generation
        self.busy.show()
        op = loading.campaigns(self._ops, self._user.id, self.filters.choice(), self._clock(), self)
        op.success(lambda report: self._on_campaigns(generation, report)).refused(
            lambda text, _exc: self._on_refused(self._generation, text)
        ).failed(lambda _failure: self.busy.hide()).run()

    def _on_campaigns(self, generation: int, report: CampaignReport) -> None:
        if generation != self._campaign_generation:
            return
        self.report = report
        period = report.period
        self.campaigns.period = f"{period.first.isoformat()}_{period.last.isoformat()}"
        self.campaigns.show_report(report)
        if self._ops.worker.idle():
            self.busy.hide()
        self.campaigns_loaded.emit(report)

    def worker_idle(self) -> bool:
        return bool(self._ops.worker.idle())

    # -- The leads behind a bar -----------------------------------------------------------
    def on_stage_clicked(self, stage: str) -> None:
        choice = self.shown_choice or self.filters.choice()
        if self.leads_dialog is not None:
            self.leads_dialog.close()
            self.leads_dialog.deleteLater()
        dialog = LeadsBehindDialog(self._ops, self._user, choice, stage, self._clock(), self)
        dialog.open_lead.connect(self.lead_requested)
        self.leads_dialog = dialog
        dialog.show()
        dialog.load()

    def choose(self, **changes: object) -> None:
        """Set filters as a script would (the screenshots); re-queries at once."""
        self.filters.set_choice(replace(self.filters.choice(), **changes))  # type: ignore[arg-type]
        self._campaigns_stale = True
        self.load()
