"""The funnel MQL → called → reached → handed off (SQL) → accepted (SAL): one horizontal bar
per stage with its count and the drop-off from the stage before; a click on a bar asks for
the leads behind it (``stage_clicked(stage)``), and so does the "Leads…" menu on the title
row (from the keyboard: Tab to it, then the arrow keys).

Signals: ``stage_clicked(str)`` (a :class:`~models.reporting.FunnelStage` value).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from desktop.dashboards import texts
from desktop.dashboards.charts import Chart, bars
from desktop.dashboards.section import Section
from desktop.widgets.rich_text import fill, plain_label
from models.reporting import Dashboard
from models.reporting.definitions import Figure
from models.reporting.funnel import FunnelStep

#: Each stage's colour, darker as the funnel narrows.
_BRUSHES = ("#9dbbe0", "#74a0d3", "#4f85c4", "#2f6fb3", "#1d4f86")


class FunnelChart(Chart):
    """Horizontal bars, one per stage, top to bottom; ``clicked(row)`` on a bar's row."""

    clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, height=230)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.scene().sigMouseClicked.connect(self.on_scene_clicked)
        self.rows = 0

    def on_scene_clicked(self, event: object) -> None:
        if event.button() != Qt.MouseButton.LeftButton:  # type: ignore[attr-defined]
            return
        view = self.getPlotItem().getViewBox()
        point = view.mapSceneToView(event.scenePos())  # type: ignore[attr-defined]
        row = round(point.y())
        if 0 <= row < self.rows and abs(point.y() - row) <= 0.4 and point.x() >= 0:
            self.clicked.emit(row)


class FunnelSection(Section):
    stage_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("funnel", self.tr("Funnel of the period's MQLs"), parent)
        self.chart = FunnelChart()
        self.chart.clicked.connect(self.on_chart_clicked)
        hint = plain_label(self.tr("Click a bar to see the leads behind it."))
        hint.setStyleSheet("color: #666")
        self.body.addWidget(self.chart, 1)
        self.body.addWidget(hint)
        self.steps: tuple[FunnelStep, ...] = ()
        #: The leads behind a stage, chosen without the mouse.
        self.leads_button = QToolButton()
        self.leads_button.setText(self.tr("Leads…"))
        self.leads_button.setToolTip(self.tr("The leads behind a stage of the funnel"))
        self.leads_button.setAutoRaise(True)
        self.leads_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.leads_menu = QMenu(self.leads_button)
        self.leads_button.setMenu(self.leads_menu)
        self.leads_button.setEnabled(False)
        self.top.insertWidget(1, self.leads_button)
        self.define(
            [
                (texts.stage("mql"), Figure.MQL),
                (texts.stage("working"), Figure.WORKING),
                (texts.stage("reached"), Figure.REACHED),
                (texts.stage("promoted"), Figure.PROMOTED),
                (texts.stage("accepted"), Figure.ACCEPTED),
                (self.tr("Drop-off"), Figure.DROP_OFF),
            ]
        )

    def show_board(self, board: Dashboard) -> None:
        self.steps = board.funnel.steps
        counts = [step.leads for step in self.steps]
        labels = [texts.stage(step.stage) for step in self.steps]
        shown = [
            texts.number(step.leads)
            if step.drop_off is None
            else fill(self.tr("%1 (−%2)"), texts.number(step.leads), texts.share(step.drop_off))
            for step in self.steps
        ]
        bars(self.chart, labels, counts, texts=shown, brushes=_BRUSHES, horizontal=True)
        self.chart.rows = len(counts)
        self.leads_menu.clear()
        for row, (label, text) in enumerate(zip(labels, shown, strict=True)):
            action = self.leads_menu.addAction(fill(self.tr("%1: %2"), label, text))
            action.triggered.connect(lambda _checked=False, r=row: self.on_chart_clicked(r))
        self.leads_button.setEnabled(bool(self.steps))
        last = self.steps[-1] if self.steps else None
        self.headline.setText(
            fill(
                self.tr("%1 MQLs, %2 accepted by field sales (%3 of the MQLs)"),
                texts.number(counts[0] if counts else 0),
                texts.number(last.leads if last else 0),
                texts.share(last.of_mql if last else None),
            )
        )

    def on_chart_clicked(self, row: int) -> None:
        if 0 <= row < len(self.steps):
            self.stage_clicked.emit(self.steps[row].stage)

    def buttons(self) -> list[QWidget]:
        return [*super().buttons(), self.leads_button]

    def table(self) -> tuple[list[str], list[list[str]]]:
        header = [self.tr("Stage"), self.tr("Leads"), self.tr("Drop-off"), self.tr("Of the MQLs")]
        rows = [
            [
                texts.stage(step.stage),
                str(step.leads),
                "" if step.drop_off is None else texts.share(step.drop_off),
                texts.share(step.of_mql),
            ]
            for step in self.steps
        ]
        return header, rows
